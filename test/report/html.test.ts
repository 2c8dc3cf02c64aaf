import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../pipeline/charts/charts.ts';
import { loadTemplates, renderReport, type Templates } from '../../pipeline/html/render-report.ts';
import type { ChartOutput, ReportData } from '../../pipeline/types.ts';
import { buildEmptyFixture, buildFixture, HOSTILE } from './fixture.ts';
import { fixtureMeta } from './fixture-meta.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

let templates: Templates;
let data: ReportData;
let charts: ChartOutput[];
let html: string;

/** `h2 #record-title 1 The record shift` for every h1–h3, in document order. */
function headingOutline(doc: string): string {
  return [...doc.matchAll(/<(h[1-3])\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)]
    .map(
      ([, tag, id, text]) =>
        `${tag} #${id} ${text!
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim()}`,
    )
    .join('\n');
}

beforeAll(async () => {
  templates = await loadTemplates(root);
  data = buildFixture();
  charts = await buildCharts(data);
  html = renderReport({ templates, data, charts, meta: fixtureMeta() });
});

describe('report html', () => {
  it('has every section, each in the table of contents', () => {
    const ids = [
      'cover',
      'contents',
      'summary',
      'record',
      'plan2',
      'output',
      'growth',
      'gulag',
      'human-cost',
      'other',
      'claims',
      'methods',
      'unverified',
      'rejects',
      'changes',
      'sources',
    ];
    for (const id of ids) expect(html, id).toContain(`id="${id}"`);
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    for (const id of ids.filter((i) => !['cover', 'contents'].includes(i)))
      expect(toc, id).toContain(`href="#${id}"`);
    expect(html).toMatch(/<h1 id="title">Norma and Reality \(fixture\)<\/h1>/);
  });

  it('has the hooks the pdf stage needs', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en" data-paper="a4">/);
    expect(html).toContain('<title>Norma and Reality (fixture)</title>');
    expect(html).toContain(
      '<meta name="description" content="A test subtitle &amp; &lt;em&gt;markup&lt;/em&gt;">',
    );
    expect(html).toMatch(/<meta name="keywords" content="[^"]+">/);
    expect(html).toContain('<meta name="author" content="The norma editors">');
    expect(html).toContain('@page { size: A4;');
    const letter = renderReport({ templates, data, charts, meta: fixtureMeta('letter') });
    expect(letter).toContain('data-paper="letter"');
    expect(letter).toContain('@page { size: letter;');
  });

  it('escapes hostile strings and links only http(s) URLs', () => {
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toMatch(/<img|onerror=|<iframe|<object|<embed/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('javascript:alert(document.cookie)'); // shown as text, not linked
    expect(html).toContain('<a href="https://en.wikipedia.org/wiki/Stakhanovite_movement" rel="noopener">');
    // Claim summaries, notes, reject rows, measure labels: all escaped.
    expect(html.split(HOSTILE).length).toBe(1);
  });

  it('loads nothing from outside: no remote resources, fonts inlined', () => {
    const loads = [...html.matchAll(/\b(?:src|srcset|poster|data)\s*=\s*["']([^"']*)["']/gi)].map(
      (m) => m[1]!,
    );
    for (const url of loads) expect(url.startsWith('data:'), url).toBe(true);
    const cssUrls = [...html.matchAll(/url\(\s*['"]?([^'")]+)/g)]
      .map((m) => m[1]!)
      .filter((u) => !u.startsWith('#'));
    expect(cssUrls.length).toBeGreaterThanOrEqual(8);
    // The @fontsource faces as woff2, the symbol font (pipeline/html/symbol-font.ts) as TrueType.
    for (const url of cssUrls)
      expect(/^data:font\/(woff2|ttf);base64,/.test(url), url.slice(0, 40)).toBe(true);
    expect(html).not.toMatch(/<link\b|@import/i);
    expect(html).toContain("font-family: 'Source Serif 4'");
    expect(html).toContain("font-family: 'PT Sans'");
  });

  it('resolves every internal link', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(100);
    for (const t of targets) expect(ids.has(t), t).toBe(true);
    const dupes = [...html.matchAll(/\sid="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((id, i, all) => all.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('links figures to their rows and sources, and flags unverified figures', () => {
    expect(html).toContain('href="#row-record.stakhanov-tonnes--1935-08-31"');
    expect(html).toContain('id="row-growth.national-income-official-rate--1928--1940"');
    expect(html).toContain('href="#src-zemskov-1991"');
    expect(html).toContain('id="src-zemskov-1991"');
    // Steel 1936 rests on an unverified figure: flagged in its table row.
    const row = html.match(
      /<tr class="[^"]*is-unverified[^"]*">[\s\S]*?row-output\.steel--1936"[\s\S]*?<\/tr>/,
    );
    expect(row?.[0]).toContain('flag-unverified');
    expect(html).toContain('[Zemskov 1991, pp. 10–27]');
  });

  it('prints every figure from the data and the claims with their verdicts', () => {
    expect(html).toContain('2,528,146 persons');
    expect(html).toContain('5.5–6.5 million');
    expect(html).toContain('14.6×');
    for (const v of ['supported', 'overstated', 'understated', 'no-data'])
      expect(html).toContain(`verdict-${v}`);
    expect(html).toContain('id="claim-ess-04"');
    expect(html).toContain('4.35×');
  });

  it('says what changed, or that this is the first edition', () => {
    expect(html).toContain('Compared with edition 2025-11-20.1');
    const first = renderReport({ templates, data, charts, meta: fixtureMeta('a4', false) });
    expect(first).toContain('This is the first edition.');
  });

  it('explains every reconciled row in one methods table row, and tabulates the claims', () => {
    const methods = html.slice(html.indexOf('id="methods"'), html.indexOf('id="unverified"'));
    const rows = [...methods.matchAll(/<tr class="method-row[^"]*" id="(row-[^"]+)"/g)].map((m) => m[1]);
    expect(rows.length).toBe(data.reconciled.length);
    const claims = html.slice(html.indexOf('id="claims"'), html.indexOf('id="methods"'));
    expect(claims).toContain('<table class="rows claims-table">');
    expect([...claims.matchAll(/<tr class="claim /g)].length).toBe(data.verdicts.length);
  });

  it('is deterministic', () => {
    expect(renderReport({ templates, data, charts, meta: fixtureMeta() })).toBe(html);
  });

  it('renders data without any known measure: no empty sections', async () => {
    const empty = buildEmptyFixture();
    const out = renderReport({
      templates,
      data: empty,
      charts: await buildCharts(empty),
      meta: fixtureMeta('a4', false),
    });
    for (const id of ['record', 'plan2', 'output', 'growth', 'gulag', 'human-cost', 'other', 'rejects']) {
      expect(out, id).not.toContain(`id="${id}"`);
    }
    for (const id of ['summary', 'claims', 'methods', 'sources']) expect(out, id).toContain(`id="${id}"`);
    expect(out).toContain('The data holds no claims');
  });

  it('matches the golden outline (test/report/golden/headings.txt)', async () => {
    const golden = await readFile(path.join(here, 'golden', 'headings.txt'), 'utf8');
    expect(headingOutline(html)).toBe(golden.trimEnd());
  });
});

describe('page CSS', () => {
  it('draws the running header and page numbers in margin boxes, none on the cover, with the title escaped', async () => {
    const { pageCss, cssString } = await import('../../pipeline/html/render-report.ts');
    const css = pageCss('a4', 'A "title" </style><script>');
    expect(css).toContain('size: A4');
    expect(css).toContain('@top-left { content: "A \\22 title\\22  \\3c /style\\3e \\3c script\\3e "');
    expect(css).toContain('counter(page) " of " counter(pages)');
    expect(css).toContain('@page :first { @top-left { content: none; }');
    expect(cssString('a\\b')).toBe('"a\\5c b"');
    expect(pageCss('letter', 't')).toContain('size: letter');
  });
});
