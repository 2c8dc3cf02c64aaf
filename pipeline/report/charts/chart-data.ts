// Selecting and describing the rows a chart plots. Pure helpers shared by the chart kinds.
import type { TopLevelSpec } from 'vega-lite';
import type { ReconciledRow, ReportData } from '../../core/types.ts';

/** What a kind's spec builder returns: the spec plus what the caption needs. */
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

export function byPeriod(a: ReconciledRow, b: ReconciledRow): number {
  return (
    a.measure_id.localeCompare(b.measure_id) ||
    a.period_start.localeCompare(b.period_start) ||
    a.period_end.localeCompare(b.period_end)
  );
}

export function measureLabel(data: ReportData, id: string): string {
  return data.measures.find((m) => m.measure_id === id)?.label || id;
}

export function samePeriod(
  a: { period_start: string; period_end: string },
  b: { period_start: string; period_end: string },
): boolean {
  return a.period_start === b.period_start && a.period_end === b.period_end;
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
