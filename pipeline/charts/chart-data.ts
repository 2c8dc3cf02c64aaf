// Selecting and describing the rows a chart plots. Pure helpers shared by the spec builders.
import type { TopLevelSpec } from 'vega-lite';
import { formatPeriod } from '../html/format-quantity.ts';
import type { ClaimRow, Measure, Observation, ReconciledRow, ReportData } from '../types.ts';

/** What a spec builder returns: the spec plus what the caption needs. */
export interface ChartSpec {
  id: string;
  title: string;
  /** A sentence or two for screen readers, derived from the plotted data. */
  description: string;
  spec: TopLevelSpec;
  /** Source ids of every plotted row (for the source line). */
  sourceIds: string[];
  /** Whether a plotted figure rests on unverified observations (drawn hollow). */
  hasUnverified: boolean;
}

/** Pure: data in, spec out; null when the data has nothing to plot (the chart is skipped). */
export type ChartBuilder = (data: ReportData) => ChartSpec | null;

export function byPeriod(a: ReconciledRow, b: ReconciledRow): number {
  return (
    a.measure_id.localeCompare(b.measure_id) ||
    a.period_start.localeCompare(b.period_start) ||
    a.period_end.localeCompare(b.period_end)
  );
}

export function rowsWithPrefix(data: ReportData, prefix: string): ReconciledRow[] {
  return data.reconciled
    .filter((r) => r.measure_id.startsWith(prefix) && Number.isFinite(r.value))
    .sort(byPeriod);
}

export function measureOf(data: ReportData, id: string): Measure | undefined {
  return data.measures.find((m) => m.measure_id === id);
}

export function measureLabel(data: ReportData, id: string): string {
  return measureOf(data, id)?.label || id;
}

export function isYear(text: string): boolean {
  return /^\d{4}$/.test(text);
}

/** A row for one calendar year (the points of a yearly series). */
export function isSingleYear(row: { period_start: string; period_end: string }): boolean {
  return isYear(row.period_start) && row.period_start === row.period_end;
}

export function periodText(row: { period_start: string; period_end: string }): string {
  return formatPeriod(row.period_start, row.period_end);
}

export function samePeriod(
  a: { period_start: string; period_end: string },
  b: { period_start: string; period_end: string },
): boolean {
  return a.period_start === b.period_start && a.period_end === b.period_end;
}

export function observationsFor(data: ReportData, row: ReconciledRow): Observation[] {
  return data.observations
    .filter((o) => o.measure_id === row.measure_id && samePeriod(o, row) && Number.isFinite(o.value))
    .sort((a, b) => a.source_id.localeCompare(b.source_id) || a.ref.localeCompare(b.ref));
}

/** The essay's claims held against one of these rows (those with a reconciled value). */
export function claimsFor(data: ReportData, rows: ReconciledRow[]): ClaimRow[] {
  return data.verdicts
    .filter((c) =>
      rows.some(
        (r) =>
          r.measure_id === c.measure_id &&
          (c.period_start === '' ? true : c.period_start === r.period_start && c.period_end === r.period_end),
      ),
    )
    .filter((c) => Number.isFinite(c.claimed))
    .sort((a, b) => a.claim_id.localeCompare(b.claim_id));
}

/** Which measures of a row list are yearly series (more than `max` periods). */
export function seriesMeasures(rows: ReconciledRow[], max = 3): Set<string> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.measure_id, (counts.get(r.measure_id) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > max).map(([id]) => id));
}

export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort();
}

export function sourceIdsOf(rows: ReconciledRow[]): string[] {
  return uniqueSorted(rows.flatMap((r) => r.sources));
}

/** `Sources: Zemskov (1991); Applebaum (2003).` from provenance, sorted by author. */
export function buildSourceLine(data: ReportData, sourceIds: string[], hasUnverified: boolean): string {
  const cites = uniqueSorted(sourceIds)
    .map((id) => {
      const s = data.sources.find((x) => x.source_id === id);
      return s ? `${s.author} (${s.year})` : id;
    })
    .sort((a, b) => a.localeCompare(b, 'en'));
  const unique = [...new Set(cites)];
  const head = unique.length === 1 ? 'Source' : 'Sources';
  const line = unique.length > 0 ? `${head}: ${unique.join('; ')}.` : 'Sources: none recorded.';
  return hasUnverified
    ? `${line} Hollow or pale marks: figures not confirmed in a readable source (unverified).`
    : line;
}

/** Most frequent unit among rows (ties: alphabetical), so one axis carries one unit. */
export function dominantUnit(rows: { unit: string }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.unit, (counts.get(r.unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
