// DESIGN §4: several figures of one source for the same measure and period become one vote.

import type { Kind, Observation } from '../../core/types.ts';
import { isBound, type SourceFigure } from './model.ts';
import { compareRefsFast } from './ref-order.ts';
import { median, medianEstimate } from './stats.ts';

/**
 * One figure per source from the observations of one (measure, period) group: the median of the
 * source's central values with the hull of their intervals (`[low, high]` of a range, else
 * `[value, value]`). Only its estimates count when it gives any; a source of bounds only gives a bound
 * (the median of its lower bounds, and of its upper bounds). Sorted by source id.
 */
export function oneVotePerSource(
  observations: readonly Observation[],
  kindOf: ReadonlyMap<string, Kind>,
): SourceFigure[] {
  // One sort by (source, ref) and a walk over the runs: no map or bucket per source.
  const sorted = observations.slice().sort(bySourceThenRef);
  const figures: SourceFigure[] = [];
  const n = sorted.length;
  let i = 0;
  while (i < n) {
    const first = sorted[i] as Observation;
    let j = i + 1;
    while (j < n && (sorted[j] as Observation).source_id === first.source_id) j++;
    figures.push(sourceFigure(sorted.slice(i, j), kindOf.get(first.source_id)));
    i = j;
  }
  return figures;
}

function sourceFigure(list: Observation[], kind: Kind | undefined): SourceFigure {
  const first = list[0] as Observation;
  // The usual case, one estimate: no filtering, no arrays.
  if (list.length === 1 && !isBound(first)) {
    const range = first.qualifier === 'range';
    return {
      source_id: first.source_id,
      kind,
      value: first.value,
      low: range ? first.low : first.value,
      high: range ? first.high : first.value,
      observations: list,
      counted: list,
    };
  }
  const estimates = list.filter((o) => !isBound(o));
  if (estimates.length > 0) {
    const e = medianEstimate(estimates.map(interval));
    return { source_id: first.source_id, kind, ...e, observations: list, counted: estimates };
  }
  const floors = list.filter((o) => o.qualifier === 'at_least').map((o) => o.value);
  const ceilings = list.filter((o) => o.qualifier === 'at_most').map((o) => o.value);
  const floor = floors.length > 0 ? median(floors) : null;
  const ceiling = ceilings.length > 0 ? median(ceilings) : null;
  const shown = (floor ?? ceiling) as number;
  return {
    source_id: first.source_id,
    kind,
    value: shown,
    low: shown,
    high: shown,
    observations: list,
    counted: list,
    bound: { floor, ceiling },
  };
}

function bySourceThenRef(a: Observation, b: Observation): number {
  if (a.source_id !== b.source_id) return a.source_id < b.source_id ? -1 : 1;
  return compareRefsFast(a.ref, b.ref);
}

function interval(o: Observation): { value: number; low: number; high: number } {
  if (o.qualifier === 'range') return { value: o.value, low: o.low, high: o.high };
  return { value: o.value, low: o.value, high: o.value };
}
