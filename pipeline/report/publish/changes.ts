import Papa from 'papaparse';
import { formatNumber } from '../../core/format-number.ts';
import type { Agreement, ReconciledRow, Unit } from '../../core/types.ts';

/** What changed between the previous edition's reconciled figures and this build's (rendered by html). */
export interface ChangeSet {
  previousEdition: string;
  added: ReconciledRow[];
  removed: ReconciledRow[];
  changed: { before: ReconciledRow; after: ReconciledRow }[];
}

export interface ChangeSummary {
  added: number;
  removed: number;
  changed: number;
}

const keyOf = (r: ReconciledRow): string => `${r.measure_id}\u0000${r.period_start}\u0000${r.period_end}`;

const compareRows = (a: ReconciledRow, b: ReconciledRow): number =>
  a.measure_id.localeCompare(b.measure_id, 'en') ||
  a.period_start.localeCompare(b.period_start, 'en') ||
  a.period_end.localeCompare(b.period_end, 'en');

/**
 * Numbers compare as the clean files write them (6 decimals), so a row read back from reconciled.csv
 * equals the in-memory row it was written from.
 */
const sameNumber = (a: number, b: number): boolean => formatNumber(a) === formatNumber(b);
const sameList = (a: string[], b: string[]): boolean => {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((x, i) => x === sortedB[i]);
};

/** A figure has changed when its value, interval, sources or agreement differ. */
export function rowChanged(before: ReconciledRow, after: ReconciledRow): boolean {
  return (
    !sameNumber(before.value, after.value) ||
    !sameNumber(before.low, after.low) ||
    !sameNumber(before.high, after.high) ||
    !sameList(before.sources, after.sources) ||
    before.agreement !== after.agreement
  );
}

/**
 * Pure: figures added, removed and changed since the previous edition, keyed by (measure, period).
 * Null when there is no previous edition (the first edition has no changes section).
 */
export function computeChanges(
  previous: ReconciledRow[] | null,
  current: ReconciledRow[],
  previousEdition: string | null,
): ChangeSet | null {
  if (previous === null || previousEdition === null) return null;
  const before = new Map(previous.map((r) => [keyOf(r), r]));
  const after = new Map(current.map((r) => [keyOf(r), r]));
  const added: ReconciledRow[] = [];
  const changed: ChangeSet['changed'] = [];
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) added.push(row);
    else if (rowChanged(old, row)) changed.push({ before: old, after: row });
  }
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, row]) => row);
  return {
    previousEdition,
    added: added.sort(compareRows),
    removed: removed.sort(compareRows),
    changed: changed.sort((a, b) => compareRows(a.after, b.after)),
  };
}

export function summariseChangeSet(changes: ChangeSet | null): ChangeSummary | null {
  return changes
    ? { added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length }
    : null;
}

/** "3 figures changed, 1 added"; "First edition"; "No figures changed" (presentation only). */
export function describeChanges(summary: ChangeSummary | null): string {
  if (!summary) return 'First edition';
  const parts: [number, string][] = [
    [summary.changed, 'changed'],
    [summary.added, 'added'],
    [summary.removed, 'removed'],
  ];
  const present = parts.filter(([n]) => n > 0);
  if (present.length === 0) return 'No figures changed';
  return present
    .map(([n, verb], i) => (i === 0 ? `${n} ${n === 1 ? 'figure' : 'figures'} ${verb}` : `${n} ${verb}`))
    .join(', ');
}

// ---------------------------------------------------------------- reading reconciled.csv back

/** Undoes write-csv's spreadsheet defusing (`'=x` → `=x`). */
const undefuse = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
const list = (text: string): string[] => (text === '' ? [] : text.split(';'));
const num = (text: string): number => (text === '' ? Number.NaN : Number(text));

/** Reads a reconciled.csv (as the reconcile stage writes it) back into rows. Throws on a malformed file. */
export function parseReconciledCsv(text: string): ReconciledRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const fatal = parsed.errors.find((e) => e.type !== 'FieldMismatch' || e.code === 'TooManyFields');
  if (fatal) throw new Error(`reconciled.csv is malformed (row ${(fatal.row ?? 0) + 2}: ${fatal.message})`);
  for (const column of ['measure_id', 'period_start', 'period_end', 'value']) {
    if (!parsed.meta.fields?.includes(column)) throw new Error(`reconciled.csv has no ${column} column`);
  }
  return parsed.data.map((raw) => {
    const cell = (name: string): string => undefuse((raw[name] ?? '').trim());
    const agreement = cell('agreement');
    const unit = cell('unit');
    return {
      measure_id: cell('measure_id'),
      period_start: cell('period_start'),
      period_end: cell('period_end'),
      value: num(cell('value')),
      low: num(cell('low') || cell('value')),
      high: num(cell('high') || cell('value')),
      // Kept as written: an older edition may use a unit or agreement this version no longer knows.
      unit: unit as Unit,
      method: cell('method'),
      n_sources: num(cell('n_sources')) || 0,
      agreement: agreement as Agreement,
      sources: list(cell('sources')),
      outliers: list(cell('outliers')),
      unverified: num(cell('unverified')) || 0,
    };
  });
}
