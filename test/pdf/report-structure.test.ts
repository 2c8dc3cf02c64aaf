// The fixture's report, rendered with the real templates and printed by the real pdf stage code, read as
// a PDF reader and a screen reader would: fonts, structure tree, contents page numbers, XMP.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartOutput } from '../../pipeline/core/types.ts';
import { memoryLogger } from '../../pipeline/io/effects.ts';
import { loadTemplates, renderReport } from '../../pipeline/report/html/render-report.ts';
import { findChromium } from '../../pipeline/report/pdf/find-chromium.ts';
import type { PdfMeta } from '../../pipeline/report/pdf/pdf-meta.ts';
import { printPdf } from '../../pipeline/report/pdf/print-pdf.ts';
import { compileFixture } from '../report/compile-fixture.ts';
import { buildFixture } from '../report/fixture.ts';
import { fixtureMeta } from '../report/fixture-meta.ts';
import { hasPoppler, pdfFonts, poppler } from './pdf-tools.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chromium = await findChromium();
const canPrint = chromium !== null && hasPoppler();

const meta: PdfMeta = {
  title: 'Norma and Reality',
  author: 'The editors',
  subject: 'A test',
  keywords: ['norma'],
  date: new Date('2024-03-01T10:00:00Z'),
  language: 'en',
};

interface StructNode {
  role?: string;
  alt?: string;
  children?: (StructNode | { type: string })[];
}

let work = '';
let pdfPath = '';
let charts: ChartOutput[] = [];

beforeAll(async () => {
  if (!canPrint) return;
  work = await mkdtemp(path.join(tmpdir(), 'norma-structure-'));
  const data = buildFixture();
  const templates = await loadTemplates(root);
  const compiled = await compileFixture(data);
  charts = compiled.charts;
  const report = compiled.report;
  const htmlPath = path.join(work, 'report.html');
  await writeFile(htmlPath, renderReport({ templates, data, charts, report, meta: fixtureMeta('a4') }));
  pdfPath = path.join(work, 'report.pdf');
  await printPdf({
    htmlPath,
    pdfPath,
    paper: 'a4',
    headerFooter: 'css',
    meta,
    chromium: chromium!,
    logger: memoryLogger(),
  });
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function openPdf() {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({ data: new Uint8Array(await readFile(pdfPath)), verbosity: 0 }).promise;
}

describe.skipIf(!canPrint)('the printed report', () => {
  it('embeds only the report’s own faces: no character falls back to a system font', () => {
    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(2);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name.replace(/^[A-Z]{6}\+/, ''), font.name).toMatch(/^(PTSans|SourceSerif4|NormaSymbols)-/);
    }
    // The ditto mark PT Sans lacks (from the serif) and the ≈ of a quoted figure (from our symbol font)
    // are printed, not dropped.
    const text = poppler('pdftotext', pdfPath);
    expect(text).toContain('″');
    expect(text).toContain('≈');
  });

  it('gives every Figure alt text, the chart’s description, and nests its headings', async () => {
    const doc = await openPdf();
    const figures: string[] = [];
    const headings: number[] = [];
    const walk = (node: StructNode) => {
      if (node.role === 'Figure') figures.push(node.alt ?? '');
      const h = /^H(\d)$/.exec(node.role ?? '');
      if (h) headings.push(Number(h[1]));
      for (const child of node.children ?? [])
        if ('role' in child || 'children' in child) walk(child as StructNode);
    };
    for (let i = 1; i <= doc.numPages; i++)
      walk((await (await doc.getPage(i)).getStructTree()) as StructNode);
    await doc.destroy();
    expect(figures.length).toBeGreaterThanOrEqual(charts.length);
    for (const alt of figures) expect(alt.trim(), 'a Figure without alt text').not.toBe('');
    // Each chart's description is the alt text of a Figure.
    for (const chart of charts) expect(figures.some((alt) => alt.includes(chart.description))).toBe(true);
    // One title; no heading deeper than one below the heading before it.
    expect(headings[0]).toBe(1);
    expect(headings.filter((h) => h === 1)).toHaveLength(1);
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('prints the page each contents entry is on, as the PDF’s own destinations say', async () => {
    const doc = await openPdf();
    const dests = (await doc.getDestinations()) as Record<string, unknown[]>;
    const html = await readFile(path.join(work, 'report.html'), 'utf8');
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0];
    const ids = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(5);
    const contents = poppler('pdftotext', pdfPath, '-layout', '-f', '2', '-l', '2');
    // The contents come first on the page: one line per entry, its page number last.
    const numbers = [...contents.matchAll(/\S.*?\s{2,}(\d+)\s*$/gm)]
      .map((m) => Number(m[1]))
      .slice(0, ids.length);
    const expected: number[] = [];
    for (const id of ids) expected.push((await doc.getPageIndex(dests[id]![0] as never)) + 1);
    await doc.destroy();
    expect(numbers).toEqual(expected);
    // Not all on one page: the numbers do say where things are.
    expect(new Set(expected).size).toBeGreaterThan(3);
  });

  it('carries XMP metadata with the title, author and language', () => {
    const xmp = poppler('pdfinfo', pdfPath, '-meta');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Norma and Reality</rdf:li>');
    expect(xmp).toContain('<rdf:li>The editors</rdf:li>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
  });
});
