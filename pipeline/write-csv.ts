import { formatNumber } from './format-number.ts';
import type { Observation } from './types.ts';

export type CsvCell = string | number | null | undefined | string[];

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** First characters a spreadsheet reads as the start of a formula: `=`, `+`, `-`, `@`, tab, CR. */
function mayRunAsFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** A text cell that a spreadsheet would run as a formula gets a leading `'`; numbers stay numbers. */
export function defuse(text: string): string {
  if (mayRunAsFormula(text) && !NUMERIC.test(text)) return `'${text}`;
  return text;
}

/** A `"`, `,`, LF or CR: the cell needs RFC 4180 quotes. One native test: most cells need none. */
const NEEDS_QUOTES = /[",\n\r]/;

/** A text cell as written: defused, then quoted if need be. */
function textCell(text: string): string {
  const c = text.charCodeAt(0);
  if ((c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) && !NUMERIC.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * formatNumber(x) for a number cell, its fast paths inlined (format-number.ts itself is left as it is: its
 * bytes are part of the edition fingerprint). A 32-bit integer (-0 included, which String prints as `0`)
 * prints as itself, as x × 1e6 < 2^53 rounds back to x; below 1e9, so does a number whose shortest text
 * has no exponent and at most 6 decimals (printsAsIs, with the text made once).
 */
function numberCell(x: number): string {
  if ((x | 0) === x) return String(x);
  if (x < 1e9 && x > -1e9) {
    const text = String(x);
    const dot = text.indexOf('.');
    if (dot >= 0 && text.length - dot <= 7 && text.indexOf('e') < 0) return text;
  }
  return formatNumber(x);
}

export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return numberCell(cell);
  return textCell(typeof cell === 'string' ? cell : cell.join(';'));
}

/** RFC 4180, LF line ends, UTF-8 without BOM, a final newline. */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  return [...csvChunks(columns, rows)].join('');
}

/** The same text as toCsv, in pieces of `rowsPerChunk` rows: a big file is never held as one string. */
export function* csvChunks<T extends object>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  rowsPerChunk = 2_000,
): Generator<string> {
  const cells = new Array<string>(columns.length);
  yield* inChunks(columns.join(','), rows, rowsPerChunk, (row) => {
    const record = row as Record<string, CsvCell>;
    for (let i = 0; i < columns.length; i++) cells[i] = cellText(record[columns[i] as string]);
    return cells.join(',');
  });
}

/**
 * A header and one line per row, in pieces of `rowsPerChunk` lines. Arrays joined rather than `+=`:
 * join builds flat strings, where a long `+=` chain builds a rope that costs more to flatten and collect.
 */
export function* inChunks<T>(
  header: string,
  rows: Iterable<T>,
  rowsPerChunk: number,
  line: (row: T) => string,
): Generator<string> {
  let lines: string[] = [header];
  for (const row of rows) {
    lines.push(line(row));
    if (lines.length === rowsPerChunk) {
      lines.push('');
      yield lines.join('\n');
      lines = [];
    }
  }
  if (lines.length > 0) {
    lines.push('');
    yield lines.join('\n');
  }
}

export const OBSERVATION_COLUMNS = [
  'source_id',
  'measure_id',
  'period_start',
  'period_end',
  'value',
  'low',
  'high',
  'unit',
  'qualifier',
  'status',
  'page',
  'raw',
  'ref',
] as const;
export const REJECT_COLUMNS = ['ref', 'raw', 'reason'] as const;
export const RECONCILED_COLUMNS = [
  'measure_id',
  'period_start',
  'period_end',
  'value',
  'low',
  'high',
  'unit',
  'method',
  'n_sources',
  'agreement',
  'sources',
  'outliers',
  'unverified',
] as const;
export const CLAIM_COLUMNS = [
  'claim_id',
  'measure_id',
  'period_start',
  'period_end',
  'claimed',
  'value',
  'low',
  'high',
  'ratio',
  'verdict',
] as const;

/** A character JSON.stringify escapes: `"`, `\\`, a control character, or a surrogate (lone ones become `\\udxxx`). */
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string, without its cost for the usual text that needs no escape. */
export function jsonString(text: string): string {
  return JSON_ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Orders refs by file, then by line as a number (`a.csv:9` before `a.csv:10`). */
export function compareRefs(a: string, b: string): number {
  const ia = a.lastIndexOf(':');
  const ib = b.lastIndexOf(':');
  const fa = ia < 0 ? a : a.slice(0, ia);
  const fb = ib < 0 ? b : b.slice(0, ib);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (Number(a.slice(ia + 1)) || 0) - (Number(b.slice(ib + 1)) || 0);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Text that repeats across rows (source ids, statuses) → its escaped form (a CSV cell, a JSON string),
 * built once. Bounded: with more distinct texts than `limit` it starts over rather than grow without end.
 */
export class CellCache {
  private readonly map = new Map<string, string>();
  constructor(
    private readonly toText: (text: string) => string,
    private readonly limit = 50_000,
  ) {}
  get(text: string): string {
    let escaped = this.map.get(text);
    if (escaped === undefined) {
      escaped = this.toText(text);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(text, escaped);
    }
    return escaped;
  }
}

/** The columns of observations.csv, from an Observation. */
type ObservationLike = Pick<Observation, (typeof OBSERVATION_COLUMNS)[number]>;

/** observations.csv's header line, without its newline. */
export const OBSERVATION_HEADER = OBSERVATION_COLUMNS.join(',');

/**
 * The observations.csv lines of rows[from, to), each with its `\n`, as one `+=` string (callers keep a
 * call to a few thousand rows); written out by hand because it runs a million times on big folders.
 * Observations sorted by group repeat their ids, periods, unit, qualifier and status from row to row,
 * mostly as the very same string: each column keeps its last text and cell. That cache lives for one
 * call only, so how the rows are split never shows. Low and high reuse the value's text when they equal
 * it (the usual case).
 */
function observationLines(rows: readonly ObservationLike[], from: number, to: number): string {
  let source: string | undefined;
  let measure: string | undefined;
  let start: string | undefined;
  let end: string | undefined;
  let unit: string | undefined;
  let qualifier: string | undefined;
  let status: string | undefined;
  let sourceCell = '';
  let measureCell = '';
  let startCell = '';
  let endCell = '';
  let unitCell = '';
  let qualifierCell = '';
  let statusCell = '';
  let out = '';
  for (let i = from; i < to; i++) {
    const o = rows[i] as ObservationLike;
    if (o.source_id !== source) {
      source = o.source_id;
      sourceCell = textCell(source);
    }
    if (o.measure_id !== measure) {
      measure = o.measure_id;
      measureCell = textCell(measure);
    }
    if (o.period_start !== start) {
      start = o.period_start;
      startCell = textCell(start);
    }
    if (o.period_end !== end) {
      end = o.period_end;
      endCell = textCell(end);
    }
    if (o.unit !== unit) {
      unit = o.unit;
      unitCell = textCell(unit);
    }
    if (o.qualifier !== qualifier) {
      qualifier = o.qualifier;
      qualifierCell = textCell(qualifier);
    }
    if (o.status !== status) {
      status = o.status;
      statusCell = textCell(status);
    }
    const value = numberCell(o.value);
    const low = o.low === o.value ? value : numberCell(o.low);
    const high = o.high === o.value ? value : numberCell(o.high);
    out +=
      sourceCell +
      ',' +
      measureCell +
      ',' +
      startCell +
      ',' +
      endCell +
      ',' +
      value +
      ',' +
      low +
      ',' +
      high +
      ',' +
      unitCell +
      ',' +
      qualifierCell +
      ',' +
      statusCell +
      ',' +
      textCell(o.page) +
      ',' +
      textCell(o.raw) +
      ',' +
      textCell(o.ref) +
      '\n';
  }
  return out;
}

/** Rows per observationLines call in observationCsvBody: one `+=` string never grows past a few hundred kB. */
const BODY_PIECE = 2_000;

/**
 * The observations.csv lines of `rows` without the header, each ending in `\n`: the body of a file is the
 * concatenation of the bodies of consecutive slices of its rows.
 */
export function observationCsvBody(rows: readonly ObservationLike[]): string {
  if (rows.length <= BODY_PIECE) return observationLines(rows, 0, rows.length);
  const pieces: string[] = [];
  for (let i = 0; i < rows.length; i += BODY_PIECE) {
    pieces.push(observationLines(rows, i, Math.min(i + BODY_PIECE, rows.length)));
  }
  return pieces.join('');
}

/**
 * observations.csv in pieces: the same bytes as csvChunks(OBSERVATION_COLUMNS, rows), and the same pieces
 * (the header and `rowsPerChunk - 1` rows, then `rowsPerChunk` rows at a time), faster.
 */
export function* observationCsvChunks(
  rows: readonly ObservationLike[],
  rowsPerChunk = 2_000,
): Generator<string> {
  const size = rowsPerChunk >= 1 ? Math.floor(rowsPerChunk) : 1;
  const first = Math.min(size - 1, rows.length);
  yield `${OBSERVATION_HEADER}\n${observationLines(rows, 0, first)}`;
  for (let i = first; i < rows.length; i += size) {
    yield observationLines(rows, i, Math.min(i + size, rows.length));
  }
}
