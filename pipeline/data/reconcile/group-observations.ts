// Group observations once on (measure_id, period_start, period_end) — the unit of reconciliation.

import { compareText } from '../../core/order.ts';
import type { Observation } from '../../core/types.ts';
import { sortByGroup } from '../clean/sort-by-group.ts';

export interface ObservationGroup {
  measure_id: string;
  period_start: string;
  period_end: string;
  observations: Observation[];
}

/**
 * Groups come back sorted by measure, period start, period end. Clean already writes the observations in
 * that order, so the usual case is one walk over the runs; any other order is sorted first (stable, linear).
 */
export function groupObservations(observations: readonly Observation[]): ObservationGroup[] {
  const rows = isGroupOrdered(observations) ? observations : sortByGroup(observations);
  const groups: ObservationGroup[] = [];
  let i = 0;
  while (i < rows.length) {
    const first = rows[i] as Observation;
    let j = i + 1;
    while (j < rows.length && sameGroup(rows[j] as Observation, first)) j++;
    groups.push({
      measure_id: first.measure_id,
      period_start: first.period_start,
      period_end: first.period_end,
      observations: rows.slice(i, j),
    });
    i = j;
  }
  return groups;
}

function sameGroup(a: Observation, b: Observation): boolean {
  return a.measure_id === b.measure_id && a.period_start === b.period_start && a.period_end === b.period_end;
}

function isGroupOrdered(rows: readonly Observation[]): boolean {
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as Observation;
    const b = rows[i] as Observation;
    if (!sameGroup(a, b) && compareGroupKeys(a, b) > 0) return false;
  }
  return true;
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
