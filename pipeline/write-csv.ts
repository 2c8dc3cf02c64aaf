import { formatNumber } from './format-number.ts';

export type CsvCell = string | number | null | undefined | string[];

const NUMERIC = /^-?\d+(\.\d+)?$/;
const NEEDS_DEFUSE = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would run as a formula gets a leading `'`; numbers stay numbers. */
export function defuse(text: string): string {
  if (NEEDS_DEFUSE.test(text) && !NUMERIC.test(text)) return `'${text}`;
  return text;
}

function quote(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  if (Array.isArray(cell)) return quote(defuse(cell.join(';')));
  return quote(defuse(cell));
}

/** RFC 4180, LF line ends, UTF-8 without BOM, a final newline. */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) {
    const record = row as Record<string, CsvCell>;
    lines.push(columns.map((c) => cellText(record[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
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
