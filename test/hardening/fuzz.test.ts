import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHidden } from '../../pipeline/core/hidden-chars.ts';
import type { CleanResult, IngestResult, Problem, RawFileKind, RawInput } from '../../pipeline/core/types.ts';
import { cleanData } from '../../pipeline/data/clean/clean.ts';
import { ingest } from '../../pipeline/data/ingest/ingest.ts';
import { ROOT } from '../e2e/run-cli.ts';

// The valid base folder of the bad corpus: every property breaks one file of it.
const BASE_DIR = path.join(ROOT, 'test/fixtures/bad/valid-base');
const BASE: Record<string, RawFileKind> = {
  'sources.csv': 'sources',
  'measures.csv': 'measures',
  'claims.csv': 'claims',
  'observations/alpha-1990.csv': 'observations',
  'observations/beta-1991.csv': 'observations',
};
const baseBytes = Object.fromEntries(
  Object.keys(BASE).map((p) => [p, new Uint8Array(readFileSync(path.join(BASE_DIR, p)))]),
);
const MEASURE_IDS = ['output.coal', 'gulag.pop', 'record.tonnes', 'record.norm', 'record.multiple'];
const TARGETS = Object.keys(BASE);

const headerOf = (target: string): string[] =>
  Buffer.from(baseBytes[target]!).toString('utf8').split('\n')[0]!.split(',');

function inputsWith(target: string, bytes: Uint8Array): RawInput[] {
  return Object.entries(BASE).map(([p, kind]) => ({
    path: p,
    kind,
    bytes: p === target ? bytes : baseBytes[p]!,
  }));
}

/** ingest then clean, as the clean stage does (clean runs even when ingest reported fatal problems). */
function run(inputs: RawInput[]): { ingested: IngestResult; cleaned: CleanResult } {
  const ingested = ingest(inputs);
  return { ingested, cleaned: cleanData(ingested) };
}

const REF = /^(.+?)(?::(\d+))?$/;

/** Every problem and reject names a file of the input (and a line inside it) and says something. */
function expectCleanProblems(inputs: RawInput[], ingested: IngestResult, cleaned: CleanResult): void {
  const lineCounts = new Map(
    inputs.map((i) => [i.path, Buffer.from(i.bytes).toString('utf8').split('\n').length]),
  );
  const check = (ref: string, message: string) => {
    expect(typeof message).toBe('string');
    expect(message.trim().length, `empty message for ${ref}`).toBeGreaterThan(0);
    const match = REF.exec(ref);
    expect(match, `ref ${ref}`).not.toBeNull();
    const [, file, line] = match!;
    expect(lineCounts.has(file!), `ref ${ref} names no input file`).toBe(true);
    if (line !== undefined) {
      expect(Number(line)).toBeGreaterThanOrEqual(1);
      expect(Number(line), `ref ${ref} is past the end of the file`).toBeLessThanOrEqual(
        lineCounts.get(file!)!,
      );
    }
  };
  const problems: Problem[] = [...ingested.problems, ...cleaned.problems];
  for (const p of problems) check(p.ref, p.message);
  for (const r of cleaned.rejects) check(r.ref, r.reason);
  for (const f of ingested.files) {
    for (const r of f.records) check(r.ref, 'record');
    // Each record starts on its own physical line, below the header (line 1 at the earliest).
    const lines = f.records.map((r) => r.line);
    for (let i = 0; i < lines.length; i++)
      expect(lines[i], `${f.path}: records at lines ${lines.join(', ')}`).toBeGreaterThan(
        i === 0 ? 1 : lines[i - 1]!,
      );
  }
}

/** Cells a hand-edited or hostile CSV holds: quotes, separators, line breaks, BOMs, NULs, long text. */
const nastyCell = fc.oneof(
  fc.constantFrom(
    '',
    '"',
    '""',
    ',',
    '\n',
    '\r\n',
    '\r',
    '\uFEFF',
    '\u0000',
    '#',
    ' ',
    '\t',
    '5 million',
    '5 milion',
    '1,5–1,8 млн',
    '+63 %',
    '-5',
    '1e999',
    'NaN',
    'Infinity',
    '1937',
    '1937-02-30',
    '1937–1933',
    '=HYPERLINK("http://x")',
    '\u202e',
    '\ud800',
    'x'.repeat(5000),
    `1${'0'.repeat(400)}`,
    ...MEASURE_IDS,
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[\d ,.–-]{1,12}( ?(million|t|Mt|%|x|h|тыс\.|млн))?$/),
);

const COLUMNS = [
  'source_id',
  'author',
  'title',
  'year',
  'kind',
  'locale',
  'measure_id',
  'label',
  'unit',
  'definition',
  'method',
  'tolerance',
  'period',
  'value',
  'status',
  'note',
  'claim_id',
  'claimed',
  'summary',
  'MEASURE_ID',
  ' value ',
  '',
  'bogus',
];

/** A possibly malformed CSV: cells joined with random quoting, line ends, BOM, comments and blank lines. */
const messyCsv = (validHeader: string[]) =>
  fc
    .record({
      // Half the time the file's own header, so that the rows get past the header checks.
      header: fc.oneof(
        fc.constant(validHeader),
        fc.array(fc.oneof(fc.constantFrom(...COLUMNS), nastyCell), { minLength: 0, maxLength: 8 }),
      ),
      rows: fc.array(fc.array(nastyCell, { maxLength: 9 }), { maxLength: 8 }),
      quoting: fc.array(fc.constantFrom('none', 'rfc', 'broken'), { minLength: 1, maxLength: 9 }),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      bom: fc.boolean(),
      extras: fc.array(fc.constantFrom('', '# comment', '   ', '#,"', '"'), { maxLength: 3 }),
    })
    .map(({ header, rows, quoting, eol, bom, extras }) => {
      const cell = (text: string, i: number) => {
        const q = quoting[i % quoting.length];
        if (q === 'rfc') return `"${text.replaceAll('"', '""')}"`;
        if (q === 'broken') return `"${text}`;
        return text;
      };
      const lines = [header, ...rows].map((r) => r.map(cell).join(','));
      extras.forEach((e, i) => {
        lines.splice((i * 3) % (lines.length + 1), 0, e);
      });
      return `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
    });

describe('fuzz: ingest and clean never throw, and every problem points into the input', () => {
  it('random bytes in any of the four kinds of file', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TARGETS), fc.uint8Array({ maxLength: 400 }), (target, bytes) => {
        const inputs = inputsWith(target, bytes);
        const { ingested, cleaned } = run(inputs);
        expectCleanProblems(inputs, ingested, cleaned);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes after a valid header (so that the rows reach clean)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TARGETS), fc.uint8Array({ maxLength: 400 }), (target, bytes) => {
        const header = headerOf(target).join(',');
        const inputs = inputsWith(target, Buffer.concat([Buffer.from(`${header}\n`), bytes]));
        const { ingested, cleaned } = run(inputs);
        expectCleanProblems(inputs, ingested, cleaned);
      }),
      { numRuns: 300 },
    );
  });

  it('random, possibly malformed CSV in any of the four kinds of file', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...TARGETS)
          .chain((target) => fc.tuple(fc.constant(target), messyCsv(headerOf(target)))),
        ([target, text]) => {
          const inputs = inputsWith(target, new TextEncoder().encode(text));
          const { ingested, cleaned } = run(inputs);
          expectCleanProblems(inputs, ingested, cleaned);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random rows under a valid header: each record is an observation or a reject, at its own line', () => {
    // Well-formed RFC 4180: quoting where needed, so the generator knows each record's start line.
    const needsQuotes = (text: string, first: boolean) =>
      /[",\r\n]/.test(text) || text !== text.trim() || (first && (text === '' || text.startsWith('#')));
    const row = fc.tuple(
      fc.oneof(fc.constantFrom(...MEASURE_IDS), nastyCell),
      fc.oneof(fc.constantFrom('1937', '1939-01-01', '1933-37', '1935-08-31'), nastyCell),
      nastyCell,
      fc.oneof(fc.constant(''), nastyCell),
      fc.oneof(fc.constantFrom('', 'verified', 'unverified', 'derived'), nastyCell),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        // Ingest drops a BOM and trims cells; NULs and lone surrogates survive as text.
        const cells = rows.map((r) => r.map((c) => c.replace(/^\uFEFF/, '')));
        let text = `measure_id,period,value,unit,status${eol}`;
        let line = 2;
        const expectedLines: number[] = [];
        // A record with a control or bidi character is an ingest reject (hidden-chars.ts), not a record.
        const stops = (c: string) => ['control', 'bidi'].includes(findHidden(c)?.kind ?? '');
        for (const r of cells) {
          if (!r.some(stops)) expectedLines.push(line);
          const record = r
            .map((c, i) => (needsQuotes(c, i === 0) ? `"${c.replaceAll('"', '""')}"` : c))
            .join(',');
          text += `${record}${eol}`;
          line += (record.match(/\n/g) ?? []).length + 1;
        }
        const target = 'observations/alpha-1990.csv';
        const inputs = inputsWith(target, new TextEncoder().encode(text));
        const { ingested, cleaned } = run(inputs);
        expectCleanProblems(inputs, ingested, cleaned);
        const file = ingested.files.find((f) => f.path === target);
        expect(ingested.problems.filter((p) => p.kind === 'fatal')).toEqual([]);
        expect(file?.records.map((r) => r.line)).toEqual(expectedLines);
        const ofFile = (ref: string) => ref.startsWith(`${target}:`);
        const kept = cleaned.observations.filter((o) => ofFile(o.ref)).length;
        const rejected =
          cleaned.rejects.filter((r) => ofFile(r.ref)).length +
          ingested.problems.filter((p) => p.kind === 'reject' && ofFile(p.ref)).length;
        // Nothing silently dropped: every record became an observation or a reject.
        expect(kept + rejected).toBe(cells.length);
      }),
      { numRuns: 300 },
    );
  });
});
