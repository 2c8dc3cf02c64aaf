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

/** Whether a cell needs RFC 4180 quotes: a `"`, `,`, LF or CR in it. A scan, no regex: most cells need none. */
function needsQuotes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true;
  }
  return false;
}

function quote(text: string): string {
  return needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  if (Array.isArray(cell)) return quote(defuse(cell.join(';')));
  return quote(defuse(cell));
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

/** JSON.stringify of a string, without its cost for the usual text that needs no escape. */
export function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
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

/**
 * One column's last text and its escaped form: observations sorted by group repeat their ids, periods,
 * unit, qualifier and status from row to row, mostly as the very same string.
 */
class LastCell {
  private last: string | undefined = undefined;
  private escaped = '';
  get(text: string): string {
    if (text !== this.last) {
      this.escaped = cellText(text);
      this.last = text;
    }
    return this.escaped;
  }
}

/** The columns of observations.csv, from an Observation. */
type ObservationLike = Pick<Observation, (typeof OBSERVATION_COLUMNS)[number]>;

/** The repeated columns of observations.csv, one LastCell each. */
function observationCells() {
  return {
    source: new LastCell(),
    measure: new LastCell(),
    start: new LastCell(),
    end: new LastCell(),
    unit: new LastCell(),
    qualifier: new LastCell(),
    status: new LastCell(),
  };
}

/**
 * One observations.csv line; written out by hand because it runs a million times on big folders. The
 * repeated texts come from `last`; low and high reuse the value's text when they equal it (the usual case).
 */
function observationLine(o: ObservationLike, last: ReturnType<typeof observationCells>): string {
  const value = formatNumber(o.value);
  const low = o.low === o.value ? value : formatNumber(o.low);
  const high = o.high === o.value ? value : formatNumber(o.high);
  return `${last.source.get(o.source_id)},${last.measure.get(o.measure_id)},${last.start.get(o.period_start)},${last.end.get(o.period_end)},${value},${low},${high},${last.unit.get(o.unit)},${last.qualifier.get(o.qualifier)},${last.status.get(o.status)},${cellText(o.page)},${cellText(o.raw)},${cellText(o.ref)}`;
}

/** observations.csv in pieces: the same bytes as csvChunks(OBSERVATION_COLUMNS, rows), faster. */
export function* observationCsvChunks(
  rows: readonly ObservationLike[],
  rowsPerChunk = 2_000,
): Generator<string> {
  const last = observationCells();
  yield* inChunks(OBSERVATION_COLUMNS.join(','), rows, rowsPerChunk, (row) => observationLine(row, last));
}
