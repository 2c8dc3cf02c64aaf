// The report's HTML in Chromium at a phone's and a desktop's width, light and dark: nothing wider than
// the page, no table or chart wider than its column.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, renderReport } from '../../pipeline/report/html/render-report.ts';
import { findChromium } from '../../pipeline/report/pdf/find-chromium.ts';
import { type Browser, launchBrowser } from '../../pipeline/report/pdf/print-pdf.ts';
import { compileFixture } from '../report/compile-fixture.ts';
import { buildFixture } from '../report/fixture.ts';
import { fixtureMeta } from '../report/fixture-meta.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = await findChromium();

let work = '';
let url = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!chromium) return;
  work = await mkdtemp(path.join(tmpdir(), 'norma-responsive-'));
  const data = buildFixture();
  const [templates, { report, charts }] = await Promise.all([loadTemplates(root), compileFixture(data)]);
  const file = path.join(work, 'report.html');
  await writeFile(file, renderReport({ templates, data, charts, report, meta: fixtureMeta('a4') }));
  url = pathToFileURL(file).href;
  browser = await launchBrowser(chromium);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  /** Tables and charts wider than the box they sit in: what, how wide, the box's width. */
  tooWide: [string, number, number][];
  tables: number;
  charts: number;
  background: string;
}

async function layout(
  width: number,
  scheme: 'light' | 'dark' = 'light',
  media: 'screen' | 'print' = 'screen',
) {
  const page = await browser!.newPage();
  try {
    await page.setViewport({ width, height: 900 });
    // Both in one call: puppeteer's emulateMediaType and emulateMediaFeatures each reset the other.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', {
      media,
      features: [{ name: 'prefers-color-scheme', value: scheme }],
    });
    // The report has no script; this evaluation is the test's, not the page's.
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate((): Layout => {
      const de = document.documentElement;
      const tooWide: [string, number, number][] = [];
      const items = [...document.querySelectorAll('table, svg')];
      for (const el of items) {
        const box = el.parentElement!;
        const w = el.getBoundingClientRect().width;
        if (w > box.clientWidth + 1)
          tooWide.push([`${el.tagName} ${el.id || el.className}`, Math.round(w), box.clientWidth]);
      }
      return {
        scrollWidth: de.scrollWidth,
        clientWidth: de.clientWidth,
        tooWide,
        tables: document.querySelectorAll('table').length,
        charts: document.querySelectorAll('.chart svg').length,
        background: getComputedStyle(de).backgroundColor,
      };
    });
  } finally {
    await page.close();
  }
}

describe.skipIf(!chromium)('the report on screen', () => {
  for (const width of [390, 1280]) {
    it(`has no horizontal overflow at ${width} px, and every table and chart fits its column`, async () => {
      const l = await layout(width);
      expect(l.tables).toBeGreaterThan(5);
      expect(l.charts).toBeGreaterThanOrEqual(2);
      expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
      expect(l.tooWide).toEqual([]);
    });
  }

  it('turns dark when the reader asks for it on screen, and stays light in print', async () => {
    const light = await layout(1280, 'light');
    const dark = await layout(1280, 'dark');
    const printed = await layout(1280, 'dark', 'print');
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(luminance(light.background)).toBeGreaterThan(200);
    expect(luminance(dark.background)).toBeLessThan(60);
    expect(luminance(printed.background)).toBeGreaterThan(200);
  });
});
