import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../pipeline/io/effects.ts';
import { ChromiumError } from '../../pipeline/report/pdf/chromium-error.ts';
import { findChromium } from '../../pipeline/report/pdf/find-chromium.ts';
import type { PdfMeta } from '../../pipeline/report/pdf/pdf-meta.ts';
import { type Browser, launchBrowser, printPdf } from '../../pipeline/report/pdf/print-pdf.ts';
import { hasPoppler, pdfFonts, pdfInfo, poppler } from './pdf-tools.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'small.html');
const chromium = await findChromium();
const canPrint = chromium !== null && hasPoppler();
if (!canPrint) {
  console.warn(
    'test/pdf/print-pdf.test.ts: SKIPPED the real-Chromium tests: no Chromium (apt-get install -y chromium, or set PUPPETEER_EXECUTABLE_PATH) or no poppler-utils.',
  );
}

const meta: PdfMeta = {
  title: 'Fixture report',
  author: 'The editors',
  subject: 'A test',
  keywords: ['norma', 'test'],
  date: new Date('2024-03-01T10:00:00Z'),
  language: 'en',
};

let work = '';
let browser: Browser | undefined;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'norma-pdf-test-'));
  if (canPrint) browser = await launchBrowser(chromium!);
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function print(html: string, name: string, paper: 'a4' | 'letter' = 'a4', reuse = true) {
  const dir = await mkdtemp(path.join(work, `${name}-`));
  const htmlPath = path.join(dir, 'report.html');
  await copyFile(html, htmlPath);
  const pdfPath = path.join(dir, 'report.pdf');
  const logger = memoryLogger();
  const result = await printPdf({
    htmlPath,
    pdfPath,
    paper,
    meta,
    chromium: chromium!,
    logger,
    browser: reuse ? browser : undefined,
  });
  return { ...result, pdfPath, logger };
}

describe.skipIf(!canPrint)('printPdf with a real Chromium', () => {
  it('prints a tagged A4 PDF with metadata, running header, page numbers and embedded fonts', async () => {
    const { pdfPath, pages, blocked } = await print(FIXTURE, 'a4');
    expect(blocked).toEqual([]);
    const info = pdfInfo(pdfPath);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Fixture report');
    expect(info.Author).toBe('The editors');
    expect(info.Creator).toBe('norma');
    expect(info.Pages).toBe('2');
    expect(pages).toBe(2);
    expect(info['Page size']).toMatch(/\(A4\)/);
    const text = poppler('pdftotext', pdfPath);
    expect(text).toContain('Alexei Stakhanov cut 102 tonnes');
    expect(text).toContain('Стаханов');
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text.match(/Fixture report/g)?.length).toBeGreaterThanOrEqual(2); // the running header
    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('keeps an outline built from the headings', async () => {
    const { pdfPath } = await print(FIXTURE, 'outline');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(await readFile(pdfPath)), verbosity: 0 }).promise;
    const outline = await doc.getOutline();
    expect(outline?.map((o) => o.title)).toEqual(['Norma fixture', 'Part two']);
    expect(outline?.[0]?.items.map((o) => o.title)).toEqual(['Second section']);
    await doc.destroy();
  });

  it('prints Letter when asked', async () => {
    const { pdfPath } = await print(FIXTURE, 'letter', 'letter');
    expect(pdfInfo(pdfPath)['Page size']).toMatch(/612 x 792 pts \(letter\)/);
  });

  it('gives byte-identical PDFs from different folders, times and browsers', async () => {
    const a = await print(FIXTURE, 'repro-a');
    await new Promise((r) => setTimeout(r, 1100)); // a different second on Chromium's clock
    const b = await print(FIXTURE, 'repro-b', 'a4', false);
    const [x, y] = [await readFile(a.pdfPath), await readFile(b.pdfPath)];
    expect(x.length).toBe(y.length);
    expect(x.equals(y)).toBe(true);
  });

  it('lets no request escape: a loopback server sees nothing, and the attempts are reported', async () => {
    let hits = 0;
    const server: Server = createServer((_req, res) => {
      hits++;
      res.setHeader('content-type', 'text/css');
      res.end('body{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const hostile = path.join(work, 'hostile.html');
      await writeFile(
        hostile,
        `<!doctype html><html><head><meta charset="utf-8"><title>hostile</title>
<link rel="stylesheet" href="${origin}/link.css">
<link rel="prefetch" href="${origin}/prefetch">
<link rel="preload" as="image" href="${origin}/preload.png">
<style>@import url("${origin}/import.css"); @font-face { font-family: X; src: url("${origin}/font.woff2"); }
body { background: url("${origin}/bg.png"); font-family: X; }</style>
<script>fetch("${origin}/fetch"); new Image().src = "${origin}/script-img";</script>
<script src="${origin}/script.js"></script>
</head><body><h1>Hostile</h1>
<img src="${origin}/img.png"><img srcset="${origin}/srcset.png 2x">
<iframe src="${origin}/iframe"></iframe><iframe src="file:///etc/passwd"></iframe>
<object data="${origin}/object"></object><video poster="${origin}/poster.png"></video>
<svg><image href="${origin}/svg-image.png" width="10" height="10"/></svg>
<a href="${origin}/link">a link is fine</a>
</body></html>`,
      );
      const { blocked, logger, pdfPath } = await print(hostile, 'hostile');
      await new Promise((r) => setTimeout(r, 300));
      expect(hits).toBe(0);
      expect(blocked.length).toBeGreaterThan(3);
      expect(blocked).toContain(`${origin}/img.png`);
      expect(blocked).toContain('file:///etc/passwd');
      expect(blocked.some((u) => u.includes('/fetch') || u.includes('/script-img'))).toBe(false); // JS is off
      expect(logger.lines.some((l) => l.startsWith('pdf: blocked a request') && l.includes('/img.png'))).toBe(
        true,
      );
      expect(poppler('pdftotext', pdfPath)).toContain('Hostile');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('printPdf without a working Chromium', () => {
  it('a missing Chromium is an environment error (exit 3) saying how to install one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'norma-nochrome-'));
    try {
      const error = await printPdf({
        htmlPath: FIXTURE,
        pdfPath: path.join(dir, 'r.pdf'),
        paper: 'a4',
        meta,
        chromium: path.join(dir, 'no-such-chrome'),
        logger: memoryLogger(),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChromiumError);
      expect(error).toMatchObject({ exitCode: 3, reason: 'not-found' });
      expect((error as Error).message).toMatch(/apt-get install -y chromium|PUPPETEER_EXECUTABLE_PATH/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a crashing Chromium is retried once, then an environment error (exit 3)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'norma-crash-'));
    try {
      const fake = path.join(dir, 'chrome');
      const count = path.join(dir, 'count');
      await writeFile(fake, `#!/bin/sh\necho started >> "${count}"\necho "crash" >&2\nexit 1\n`);
      await chmod(fake, 0o755);
      const logger = memoryLogger();
      const error = await printPdf({
        htmlPath: FIXTURE,
        pdfPath: path.join(dir, 'r.pdf'),
        paper: 'a4',
        meta,
        chromium: fake,
        logger,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ exitCode: 3, reason: 'crashed' });
      expect((error as Error).message).toMatch(/failed twice/);
      expect(logger.lines.some((l) => l.includes('retrying once'))).toBe(true);
      expect((await readFile(count, 'utf8')).trim().split('\n')).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
