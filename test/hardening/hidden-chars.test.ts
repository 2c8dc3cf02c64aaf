import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findHidden, showHidden } from '../../pipeline/core/hidden-chars.ts';
import { ingestFile } from '../../pipeline/data/ingest/ingest.ts';
import { ROOT } from '../e2e/run-cli.ts';
import { runCliAsync } from './cli-pool.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'norma-hidden-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff]/;

describe('findHidden', () => {
  it.each([
    ['\u202e102 t', 'bidi'],
    ['a\u2066b\u2069', 'bidi'],
    ['\u202a', 'bidi'],
    ['a\u0000b', 'control'],
    ['\u0085', 'control'],
    ['\u007f', 'control'],
    ['x\u200b\u202ey', 'bidi'],
    ['\u0000\u200b', 'control'],
  ])('%j is a %s character: the row stops', (cell, kind) => {
    expect(findHidden(cell)?.kind).toBe(kind);
  });
  it('strips invisible marks and says which', () => {
    expect(findHidden('1\u200b02\u2060 t\u200e\ufeff')).toEqual({
      kind: 'invisible',
      stripped: '102 t',
      chars: ['\u200b', '\u2060', '\u200e', '\ufeff'],
    });
  });
  it('strips the other characters that show nothing: tags, invisible operators, annotations', () => {
    // Tag characters carry a whole hidden sentence after "102 t"; they reached report.html untouched.
    const tags = [...'ignore this'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    expect(findHidden(`Coal cut${tags}`)).toMatchObject({ kind: 'invisible', stripped: 'Coal cut' });
    expect(findHidden('a\u2062b\u2064c\u180ed\ufff9e\ufffaf\ufffb')).toMatchObject({
      kind: 'invisible',
      stripped: 'abcdef',
    });
    expect(showHidden(`x${String.fromCodePoint(0xe0041)}`)).toBe('x\\u{e0041}');
  });
  it('finds tag characters in a file, naming file:line', () => {
    const tag = String.fromCodePoint(0xe0068);
    const { file, problems } = ingestFile(input(`measure_id,period,value\nm,1937,102 t${tag}\n`));
    expect(file?.records.map((r) => r.cells.value)).toEqual(['102 t']);
    expect(problems.map((p) => [p.kind, p.code, p.ref])).toEqual([
      ['warning', 'invisible-character', 'observations/x.csv:2'],
    ]);
    expect(problems[0]?.message).toContain('U+E0068');
  });
  it('leaves plain text, tabs and line breaks be', () => {
    for (const cell of ['102 t', 'a\tb', 'line\nnext', 'Зимний дворец', 'עברית', '٢٠٢٤'])
      expect(findHidden(cell)).toBeNull();
  });
  it('shows every hidden character escaped', () => {
    expect(showHidden('a\u0000b\u202ec\u200bd')).toBe('a\\u0000b\\u202ec\\u200bd');
  });
});

const input = (text: string) => ({
  path: 'observations/x.csv',
  kind: 'observations' as const,
  bytes: Buffer.from(text),
});

describe('ingestFile and hidden characters', () => {
  it('rejects a row with an override or a control, naming file:line and the column', () => {
    const { file, problems } = ingestFile(
      input('measure_id,period,value\nm,1937,\u202e102 t\nm,1938,1\u0000\nm,1939,3\u200b\n'),
    );
    expect(file?.records.map((r) => r.cells.value)).toEqual(['3']);
    expect(problems.map((p) => [p.kind, p.code, p.ref])).toEqual([
      ['reject', 'bidi-character', 'observations/x.csv:2'],
      ['reject', 'control-character', 'observations/x.csv:3'],
      ['warning', 'invisible-character', 'observations/x.csv:4'],
    ]);
    expect(problems[0]?.message).toContain('the cell "value" holds U+202E right-to-left override');
  });
  it('makes a hidden character in a catalog file or a header fatal', () => {
    const sources = ingestFile({
      path: 'sources.csv',
      kind: 'sources',
      bytes: Buffer.from('source_id,author,title,year,kind\na,B,T\u202e,1990,scholarly\n'),
    });
    expect(sources.problems.map((p) => [p.kind, p.ref])).toEqual([['fatal', 'sources.csv:2']]);
    const header = ingestFile(input('measure_id,period,val\u0001ue\n'));
    expect(header.file).toBeNull();
    expect(header.problems[0]?.code).toBe('control-character');
  });
});

describe('hidden characters never reach the outputs', () => {
  it('report.html, its SVG and rejects.csv hold none', async () => {
    const raw = path.join(temp, 'raw');
    cpSync(path.join(ROOT, 'test/fixtures/basic/raw'), raw, { recursive: true });
    const measures = path.join(raw, 'measures.csv');
    writeFileSync(
      measures,
      readFileSync(measures, 'utf8').replace(
        'Coal cut in the record shift',
        'Coal\u200b cut in the record\u2060 shift',
      ),
    );
    const obs = path.join(raw, 'observations', 'siegelbaum-1988.csv');
    writeFileSync(
      obs,
      `${readFileSync(obs, 'utf8')}record.norm-tonnes,1936,\u202e8 t,,,,\nrecord.norm-tonnes,1937,8,t,,,a\u0000b\n`,
    );
    const clean = path.join(temp, 'clean');
    const out = path.join(temp, 'out');
    const run = await runCliAsync([
      '--raw',
      raw,
      '--clean',
      clean,
      '--out',
      out,
      // The fixture's own report: the repository's names measures this raw folder does not hold.
      '--report',
      path.join(ROOT, 'test/fixtures/basic/report'),
      '--formats',
      'html',
      '--allow-rejects',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('siegelbaum-1988.csv:');
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('Coal cut in the record shift');
    expect(html).not.toMatch(HIDDEN);
    const rejects = readFileSync(path.join(clean, 'rejects.csv'), 'utf8');
    expect(rejects).not.toMatch(HIDDEN);
    expect(rejects).toContain('\\u202e8 t');
    expect(rejects).toContain('a\\u0000b');
    for (const file of ['observations.csv', 'reconciled.csv'])
      expect(readFileSync(path.join(clean, file), 'utf8')).not.toMatch(HIDDEN);
  });
});
