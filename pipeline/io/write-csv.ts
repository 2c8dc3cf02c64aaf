import { numberCell } from '../core/number-cell.ts';
import type { Observation } from '../core/types.ts';
import { ByteWriter, bytePieces, specialTable } from './byte-writer.ts';
import { readObservationAhead } from './read-ahead.ts';

export type CsvCell = string | number | null | undefined | string[];

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Whether a text beginning with character code `c` may run as a formula: `=`, `+`, `-`, `@`, tab, CR. */
export function startsFormula(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** A text cell that a spreadsheet would run as a formula gets a leading `'`; numbers stay numbers. */
export function defuse(text: string): string {
  if (startsFormula(text.charCodeAt(0)) && !NUMERIC.test(text)) return `'${text}`;
  return text;
}

/** A `"`, `,`, LF or CR: the cell needs RFC 4180 quotes. One native test: most cells need none. */
const NEEDS_QUOTES = /[",\n\r]/;

/** A text cell as written: defused, then quoted if need be. */
function textCell(text: string): string {
  const defused = defuse(text);
  return NEEDS_QUOTES.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
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
  'claim',
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

/** Characters JSON.stringify escapes, among ASCII: `"`, `\\`, control characters. */
const JSON_SPECIAL = specialTable((c) => c === 34 || c === 92 || c < 32);

/** jsonString(text), written. */
export function writeJsonString(w: ByteWriter, text: string): void {
  w.byte(34);
  if (!w.plain(text, JSON_SPECIAL))
    w.text(JSON_ESCAPED.test(text) ? JSON.stringify(text).slice(1, -1) : text);
  w.byte(34);
}

/** A JSON number as JSON.stringify writes it (`null` for NaN and infinities), written. */
export function writeJsonNumber(w: ByteWriter, x: number): void {
  if ((x | 0) === x && x >= 0) w.natural(x);
  else w.ascii(Number.isFinite(x) ? String(x) : 'null');
}

/** The columns of observations.csv, from an Observation. */
type ObservationLike = Pick<Observation, (typeof OBSERVATION_COLUMNS)[number]>;

/** observations.csv's header line, without its newline. */
export const OBSERVATION_HEADER = OBSERVATION_COLUMNS.join(',');

/** Characters that make a CSV cell need quotes: `"`, `,`, LF, CR. */
const CSV_SPECIAL = specialTable((c) => c === 34 || c === 44 || c === 10 || c === 13);

/** textCell(text), written: most cells are ASCII and need nothing, and go straight in. */
export function writeTextCell(w: ByteWriter, text: string): void {
  if (startsFormula(text.charCodeAt(0)) || !w.plain(text, CSV_SPECIAL)) w.text(textCell(text));
}

/** numberCell(x), written. */
export function writeNumberCell(w: ByteWriter, x: number): void {
  if ((x | 0) === x && x >= 0) w.natural(x);
  else w.ascii(numberCell(x));
}

/** observations.csv's text columns before and after its three numbers (value, low, high). */
const TEXT_BEFORE = OBSERVATION_COLUMNS.slice(0, 4) as readonly (
  | 'source_id'
  | 'measure_id'
  | 'period_start'
  | 'period_end'
)[];
const TEXT_AFTER = OBSERVATION_COLUMNS.slice(7) as readonly (
  | 'unit'
  | 'qualifier'
  | 'status'
  | 'page'
  | 'raw'
  | 'ref'
)[];

/** One observations.csv line with its `\n`, written out by hand: it runs a million times on big folders. */
function writeObservationLine(w: ByteWriter, o: ObservationLike): void {
  for (const column of TEXT_BEFORE) {
    writeTextCell(w, o[column]);
    w.byte(44);
  }
  // Low and high are the value's bytes again when they equal it (the usual case).
  const from = w.length;
  writeNumberCell(w, o.value);
  const to = w.length;
  w.byte(44);
  if (o.low === o.value) w.again(from, to);
  else writeNumberCell(w, o.low);
  w.byte(44);
  if (o.high === o.value) w.again(from, to);
  else writeNumberCell(w, o.high);
  for (const column of TEXT_AFTER) {
    w.byte(44);
    writeTextCell(w, o[column]);
  }
  w.byte(10);
}

/**
 * The observations.csv lines of `rows` without the header, each ending in `\n`, as one piece of bytes: the
 * body of a file is the concatenation of the bodies of consecutive slices of its rows.
 */
export function observationCsvBody(rows: readonly ObservationLike[]): Uint8Array {
  const w = new ByteWriter(Math.max(1024, rows.length * 128));
  for (const o of rows) writeObservationLine(w, o);
  return w.done();
}

/**
 * observations.csv as bytes, in pieces: the same bytes as csvChunks(OBSERVATION_COLUMNS, rows). `each` sees
 * every row, by index, as it is written: a second look at a million rows scattered over the heap costs
 * about as much as the first.
 */
export function observationCsvChunks<T extends ObservationLike>(
  rows: readonly T[],
  each?: (row: T, index: number) => void,
): Generator<Uint8Array> {
  const write = each
    ? (w: ByteWriter, o: T, i: number) => {
        each(o, i);
        writeObservationLine(w, o);
      }
    : writeObservationLine;
  return bytePieces(rows, write, {
    head: (w) => w.ascii(`${OBSERVATION_HEADER}\n`),
    readAhead: readObservationAhead,
  });
}
