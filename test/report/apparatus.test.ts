// The report's apparatus as a reader reads it: a Chicago author-date bibliography, citations that name
// source and page, the Methods in plain words and formatted numbers.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData, Source } from '../../pipeline/core/types.ts';
import { claimFindings } from '../../pipeline/data/reconcile/claim-findings.ts';
import { loadTemplates, renderReport, type Templates } from '../../pipeline/report/html/render-report.ts';
import { shortCitation } from '../../pipeline/report/html/row-index.ts';
import { compileFixture } from './compile-fixture.ts';
import { buildFixture } from './fixture.ts';
import { fixtureMeta } from './fixture-meta.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let templates: Templates;

beforeAll(async () => {
  templates = await loadTemplates(root);
});

async function render(data: ReportData, body: string): Promise<string> {
  const files = [{ name: 'index.md', ref: 'report/index.md', text: `---\ntitle: T\n---\n${body}\n` }];
  const compiled = await compileFixture(data, files);
  return renderReport({ templates, data, ...compiled, meta: fixtureMeta() });
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

function withAuthors(data: ReportData, authors: Record<string, Partial<Source>>): ReportData {
  return { ...data, sources: data.sources.map((s) => ({ ...s, ...authors[s.source_id] })) };
}

describe('bibliography', () => {
  it('is Chicago author-date: surname first, sorted by surname, n.d. only when undated', async () => {
    const data = withAuthors(buildFixture(), {
      'conquest-1968': { author: 'Conquest, Robert', publisher: 'Macmillan' },
      'zemskov-1991': { author: 'V. N. Zemskov' },
      'applebaum-2003': { author: 'Anne Applebaum', year: 'n.d. (accessed 2026)' },
    });
    const html = await render(data, '# Sources\n\n{{sources}}');
    const list = text(html.slice(html.indexOf('class="bibliography"')));
    expect(list).toContain('Conquest, Robert. 1968. The Great Terror. Macmillan.');
    expect(list).toContain('Zemskov, V. N. 1991. GULAG');
    expect(list).toContain('Applebaum, Anne. n.d. Gulag: A History. Accessed 2026.');
    expect(list).not.toContain('(n.d.');
    expect(list).not.toContain('(accessed');
    // Sorted by surname: Applebaum, Conquest, …, Zemskov.
    const at = (s: string) => list.indexOf(s);
    expect(at('Applebaum, Anne')).toBeLessThan(at('Conquest, Robert'));
    expect(at('Conquest, Robert')).toBeLessThan(at('Zemskov, V. N.'));
    expect(html).toContain('<cite>The Great Terror.</cite>');
  });

  it('short citations use the same surnames and year', () => {
    const s = { title: 'T', year: '1991' };
    expect(shortCitation({ ...s, author: 'V. N. Zemskov' })).toBe('Zemskov 1991');
    expect(shortCitation({ ...s, author: 'Conquest, Robert' })).toBe('Conquest 1991');
    expect(shortCitation({ ...s, author: 'R. W. Davies and S. G. Wheatcroft' })).toBe(
      'Davies and Wheatcroft 1991',
    );
    expect(shortCitation({ ...s, author: 'Encyclopedia of Ukraine' })).toBe('Encyclopedia of Ukraine 1991');
    expect(shortCitation({ ...s, author: 'Lewis H. Siegelbaum', year: 'n.d. (accessed 2026)' })).toBe(
      'Siegelbaum n.d.',
    );
  });
});

describe('provenance', () => {
  it('traces a figure to source and page in notes, tables and methods, file:line only beside it', async () => {
    const data = withAuthors(buildFixture(), { 'zemskov-1991': { author: 'V. N. Zemskov' } });
    const html = await render(
      data,
      '# Gulag\n\nIn 1951 {{figure "gulag-pop.camps" period="1951-01-01"}}.\n\n{{table measures="gulag-pop.camps"}}\n\n# Methods\n\n{{methods}}',
    );
    const notes = text(
      html.slice(
        html.indexOf('class="figure-notes"'),
        html.indexOf('</ol>', html.indexOf('class="figure-notes"')),
      ),
    );
    expect(notes).toContain('Zemskov 1991, p. 10: “');
    const table = text(
      html.slice(
        html.indexOf('<table class="rows">'),
        html.indexOf('</table>', html.indexOf('<table class="rows">')),
      ),
    );
    expect(table).toContain('Zemskov 1991, p. 10');
    expect(table).toContain('Getty');
    expect(table).toMatch(/Getty[^;]* 1993, p\. 1017/);
    const methods = html.slice(html.indexOf('apparatus-methods'));
    expect(text(methods)).toMatch(/Zemskov 1991, p\. 10: “[^”]*” observations\/[\w.-]+\.csv:\d+/);
    expect(methods).not.toContain('V. N. Zemskov 1991');
  });
});

describe('methods', () => {
  it('reads in formatted figures and names, not raw numbers and ids', async () => {
    const html = await render(buildFixture(), '# Methods\n\n{{methods}}');
    const methods = text(html.slice(html.indexOf('apparatus-methods')));
    expect(methods).toContain('1,533,767');
    expect(methods).not.toMatch(/(?<![\d,.])\d{5,} persons/);
    expect(methods).not.toContain('gulag-pop.camps');
    expect(methods).not.toMatch(/\(zemskov-1991\)|Priority archival>/);
  });
});

describe('front matter', () => {
  it('calls the fingerprint what it is: of the report’s content', async () => {
    const html = await render(buildFixture(), '# Sources\n\n{{sources}}');
    expect(html).toContain('<dt>Content fingerprint</dt>');
    expect(html).not.toMatch(/Data fingerprint|· data <code>/);
  });
});

describe('a claim no source gives a figure for', () => {
  it('prints the claim as the essay wrote it, without the measure’s unit, and says no source gives one', async () => {
    const data = buildFixture();
    data.measures.push({
      measure_id: 'record.date-x',
      label: 'Date of the record',
      unit: 'multiple',
      definition: '',
      method: { type: 'median' },
      method_text: 'median',
      tolerance: 0,
      ref: 'measures.csv:99',
    });
    const common = {
      claim: 'ess-date',
      measure_id: 'record.date-x',
      period_start: '',
      period_end: '',
      claimed: 31,
    };
    data.claims.push({
      ...common,
      claim_id: 'ess-date',
      claimed_raw: '31 August',
      summary: 'The record fell on 31 August.',
      quote: '',
      as: 'stated',
      stance: 'asserts',
      ref: 'claims.csv:99',
    });
    data.verdicts.push({
      ...common,
      claim_id: 'ess-date',
      value: null,
      low: null,
      high: null,
      ratio: null,
      verdict: 'no_data',
    });
    data.findings = claimFindings({
      claims: data.claims,
      verdicts: data.verdicts,
      reconciled: data.reconciled,
      essay: null,
    });
    const html = await render(data, '# Claims\n\n{{claims}}');
    const finding = text(
      html.slice(
        html.indexOf('id="finding-ess-date"'),
        html.indexOf('</li>', html.indexOf('id="finding-ess-date"')),
      ),
    );
    expect(finding).toContain(
      'The essay’s “31 August”, held against Date of the record: no source gives a figure.',
    );
    expect(finding).not.toContain('31×');
    const row = text(
      html.slice(html.indexOf('ess-date</span>'), html.indexOf('</tr>', html.indexOf('ess-date</span>'))),
    );
    expect(row).toContain('Claimed: “31 August”');
    expect(row).toContain('no source gives a figure');
    expect(row).not.toContain('31×');
  });
});
