import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartOutput, ReportData } from '../../pipeline/core/types.ts';
import type { CompiledReport } from '../../pipeline/report/definition/compile-report.ts';
import { loadTemplates, renderReport, type Templates } from '../../pipeline/report/html/render-report.ts';
import { compileFixture } from './compile-fixture.ts';
import { buildEmptyFixture, buildFixture, HOSTILE } from './fixture.ts';
import { fixtureMeta } from './fixture-meta.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

let templates: Templates;
let data: ReportData;
let charts: ChartOutput[];
let report: CompiledReport;
let html: string;

/** `h2 #the-record-shift-title 2 The record shift` for every h1–h3, in document order. */
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

/** The text of the HTML without the JSON-LD blocks (the only scripts the report has, and never run). */
const withoutJsonLd = (doc: string) =>
  doc.replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '');

beforeAll(async () => {
  templates = await loadTemplates(root);
  data = buildFixture();
  ({ report, charts } = await compileFixture(data));
  html = renderReport({ templates, data, charts, report, meta: fixtureMeta() });
});

describe('report html', () => {
  it('has the sections of the Markdown, numbered, each in the table of contents, after the findings', () => {
    const ids = [
      'findings',
      'introduction',
      'the-record-shift',
      'output-and-growth',
      'the-gulag',
      'the-claims-checked',
      'methods',
      'unverified-and-contested-figures',
      'rejected-rows',
      'what-changed-in-this-edition',
      'sources',
      'appendix',
    ];
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    for (const id of ids) {
      expect(html, id).toContain(`id="${id}"`);
      expect(toc, id).toContain(`href="#${id}"`);
    }
    expect(html).toMatch(/<h1 id="title">Norma and Reality \(fixture\)<\/h1>/);
    // The findings are the first thing after the contents.
    expect(html.indexOf('id="findings"')).toBeLessThan(html.indexOf('id="introduction"'));
    expect(html.slice(html.indexOf('</nav>'), html.indexOf('id="findings"'))).toBe(
      '</nav>\n<main>\n<section class="report-section findings" ',
    );
    expect(html).toContain(
      '<h2 id="the-record-shift-title"><span class="section-number">2</span> The record shift</h2>',
    );
    expect(toc).toContain('<li><a href="#records">Records</a></li>');
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
    const letter = renderReport({ templates, data, charts, report, meta: fixtureMeta('letter') });
    expect(letter).toContain('data-paper="letter"');
    expect(letter).toContain('@page { size: letter;');
  });

  it('escapes hostile strings, sanitises raw HTML in the Markdown and links only http(s) URLs', () => {
    const text = withoutJsonLd(html);
    expect(text.toLowerCase()).not.toContain('<script');
    expect(text).not.toMatch(/<img|onerror=|onclick=|<iframe|<object|<embed|evil\.example/i);
    expect(text).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(text).toContain('<span class="kept">kept text</span>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('javascript:alert(document.cookie)'); // shown as text, not linked
    expect(text).toContain('<a href="https://en.wikipedia.org/wiki/Stakhanovite_movement" rel="noopener">');
    expect(html.split(HOSTILE).length).toBe(1);
    expect(text).toContain('<th style="text-align:right">Number</th>');
  });

  it('gives each finding ClaimReview JSON-LD that no text can break out of', () => {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map(
      (m) => m[1]!,
    );
    expect(blocks.length).toBe(data.findings.length);
    const first = JSON.parse(blocks[0]!) as Record<string, unknown>;
    expect(first['@type']).toBe('ClaimReview');
    expect(first.claimReviewed).toBe(`102 tonnes ${HOSTILE} in one shift`);
    expect(first.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: 'Supported' });
    expect(first.itemReviewed).toMatchObject({
      appearance: {
        '@type': 'CreativeWork',
        name: 'The Stakhanovite Movement',
        url: 'https://example.org/essay',
      },
    });
    expect(blocks[0]).toContain('\\u003cscript\\u003e');
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
    // The @fontsource faces as woff2, the symbol font (pipeline/report/html/symbol-font.ts) as TrueType.
    for (const url of cssUrls)
      expect(/^data:font\/(woff2|ttf);base64,/.test(url), url.slice(0, 40)).toBe(true);
    expect(html).not.toMatch(/<link\b|@import/i);
  });

  it('resolves every internal link, with no id twice', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(100);
    for (const t of targets) expect(ids.has(t), t).toBe(true);
    const dupes = [...html.matchAll(/\sid="([^"]+)"/g)]
      .map((m) => m[1])
      .filter((id, i, all) => all.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('prints an inline figure with its marks and a note listing every source figure', () => {
    const coal = html.match(/Coal in 1937: <span class="figure-inline">[\s\S]*?<\/sup><\/span>/)?.[0] ?? '';
    expect(coal).toContain('href="#row-output.coal--1937"');
    expect(coal).toMatch(/<sup class="figure-note-ref" id="fnref-2"><a href="#fn-2"/);
    const note = html.match(/<li id="fn-2">[\s\S]*?<\/li>/)?.[0] ?? '';
    expect(note).toContain('Coal, 1937');
    // Each source figure cited by source and year (and page when known), then the figure as printed.
    expect(note.replace(/<[^>]+>/g, '')).toMatch(/\w 20\d\d(?:, p\. \w+)?: “[^”]+”/);
    // The notes of a section close it, numbered on from the section before.
    expect(html).toMatch(/<ol class="figure-notes" start="2">/);
  });

  it('links figures to their rows and sources, and flags unverified figures', () => {
    expect(html).toContain('href="#row-record.stakhanov-tonnes--1935-08-31"');
    expect(html).toContain('id="row-growth.national-income-official-rate--1928--1940"');
    expect(html).toContain('href="#src-zemskov-1991"');
    expect(html).toContain('id="src-zemskov-1991"');
    const row = html.match(
      /<tr class="[^"]*is-unverified[^"]*">[\s\S]*?row-output\.steel--1936"[\s\S]*?<\/tr>/,
    );
    expect(row?.[0]).toContain('flag-unverified');
    expect(html).toContain('[Zemskov 1991, pp. 10–27]');
  });

  it('tallies claims, not readings, and puts each claim in the essay order with its verdict in words', () => {
    const findings = html.slice(html.indexOf('id="findings"'), html.indexOf('id="introduction"'));
    expect(findings).toContain(`${data.findings.length} claims checked`);
    expect([...findings.matchAll(/<li class="finding /g)].length).toBe(data.findings.length);
    expect(findings).toContain('the figure lies within what the agreeing sources give');
    expect(findings).toContain('the figure is above what the sources give');
  });

  it('says when a reconciled value is the median of sources that disagree, and lists each figure', () => {
    const contested = buildFixture();
    const f = contested.findings.find((x) => {
      const r = x.readings[0];
      return (
        r &&
        contested.reconciled.some((row) => row.measure_id === r.measure_id && row.agreement === 'contested')
      );
    });
    expect(f, 'the fixture has a claim on a contested row').toBeDefined();
    const block =
      html.match(
        new RegExp(
          `<li class="finding [^"]*" id="finding-${f!.claim}">[\\s\\S]*?</li>\\n</ol>|<li class="finding [^"]*" id="finding-${f!.claim}">[\\s\\S]*?<script`,
        ),
      )?.[0] ?? '';
    expect(block).toContain('is the median of figures that disagree, not a finding of any source');
    expect(block).toContain('<ul class="finding-figures">');
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

  it('puts every row no directive shows in the compact appendix, one line each', () => {
    const appendix = html.slice(html.indexOf('id="appendix"'));
    const shown = report.shown;
    const left = data.reconciled.filter((r) => !shown.has(r.measure_id));
    expect(left.length).toBeGreaterThan(0);
    expect([...appendix.matchAll(/<tr[ >]/g)].length - 1).toBe(left.length);
    expect(appendix).toContain('Executions, 1937–1938');
    // Each line has its period and range (field names that are also helpers would print nothing).
    expect(appendix).not.toMatch(/<td class="period"><\/td>/);
    expect(appendix).not.toContain('–––');
  });

  it('says what changed, or that this is the first edition', () => {
    expect(html).toContain('Compared with edition 2025-11-20.1');
    const first = renderReport({ templates, data, charts, report, meta: fixtureMeta('a4', false) });
    expect(first).toContain('This is the first edition.');
  });

  it('explains every reconciled row in one methods table row, and tabulates every reading', () => {
    const methods = html.slice(
      html.indexOf('id="methods"'),
      html.indexOf('id="unverified-and-contested-figures"'),
    );
    const rows = [...methods.matchAll(/<tr class="method-row[^"]*" id="(row-[^"]+)"/g)].map((m) => m[1]);
    expect(rows.length).toBe(data.reconciled.length);
    const claims = html.slice(html.indexOf('id="the-claims-checked"'), html.indexOf('id="methods"'));
    expect(claims).toContain('<table class="rows claims-table">');
    expect([...claims.matchAll(/<tr class="claim /g)].length).toBe(data.verdicts.length);
  });

  it('is deterministic', () => {
    expect(renderReport({ templates, data, charts, report, meta: fixtureMeta() })).toBe(html);
  });

  it('renders data without any measure: no findings, no appendix, the apparatus still there', async () => {
    const empty = buildEmptyFixture();
    const files = [
      {
        name: 'index.md',
        ref: 'report/index.md',
        text: '---\ntitle: Empty\n---\n# Claims\n\n{{claims}}\n\n# Sources\n\n{{sources}}\n',
      },
    ];
    const compiled = await compileFixture(empty, files);
    const out = renderReport({ templates, data: empty, ...compiled, meta: fixtureMeta('a4', false) });
    for (const id of ['findings', 'appendix']) expect(out, id).not.toContain(`id="${id}"`);
    expect(out).toContain('The data holds no claims');
    expect(out).toContain('id="src-zemskov-1991"');
  });

  it('matches the golden outline (test/report/golden/headings.txt)', async () => {
    await expect(`${headingOutline(html)}\n`).toMatchFileSnapshot('golden/headings.txt');
  });
});

describe('page CSS', () => {
  it('draws the running header and page numbers in margin boxes, none on the cover, with the title escaped', async () => {
    const { pageCss, cssString } = await import('../../pipeline/report/html/render-report.ts');
    const css = pageCss('a4', 'A "title" </style><script>');
    expect(css).toContain('size: A4');
    expect(css).toContain('@top-left { content: "A \\22 title\\22  \\3c /style\\3e \\3c script\\3e "');
    expect(css).toContain('counter(page) " of " counter(pages)');
    expect(css).toContain('@page :first { @top-left { content: none; }');
    expect(cssString('a\\b')).toBe('"a\\5c b"');
    expect(pageCss('letter', 't')).toContain('size: letter');
  });
});
