// Group observations once on (measure_id, period_start, period_end) — the unit of reconciliation.
import * as aq from 'arquero';
import type { Observation } from '../types.ts';
import { compareText } from '../write-csv.ts';

export interface ObservationGroup {
  measure_id: string;
  period_start: string;
  period_end: string;
  observations: Observation[];
}

/**
 * One pass: arquero computes a group index per row from the three key columns, then the rows are
 * bucketed by that index. Groups come back sorted by measure, period start, period end.
 */
export function groupObservations(observations: readonly Observation[]): ObservationGroup[] {
  const n = observations.length;
  if (n === 0) return [];
  const measure_id = new Array<string>(n);
  const period_start = new Array<string>(n);
  const period_end = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const o = observations[i] as Observation;
    measure_id[i] = o.measure_id;
    period_start[i] = o.period_start;
    period_end[i] = o.period_end;
  }
  const spec = aq
    .table({ measure_id, period_start, period_end })
    .groupby('measure_id', 'period_start', 'period_end')
    .groups();
  const groups: ObservationGroup[] = [];
  if (!spec) return groups;
  for (let g = 0; g < spec.size; g++) {
    const first = observations[spec.rows[g] as number] as Observation;
    groups.push({
      measure_id: first.measure_id,
      period_start: first.period_start,
      period_end: first.period_end,
      observations: [],
    });
  }
  for (let i = 0; i < n; i++)
    (groups[spec.keys[i] as number] as ObservationGroup).observations.push(observations[i] as Observation);
  return groups.sort(compareGroupKeys);
}

export function compareGroupKeys(
  a: { measure_id: string; period_start: string; period_end: string },
  b: { measure_id: string; period_start: string; period_end: string },
): number {
  return (
    compareText(a.measure_id, b.measure_id) ||
    compareText(a.period_start, b.period_start) ||
    compareText(a.period_end, b.period_end)
  );
}
