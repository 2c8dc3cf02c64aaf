// DESIGN §4: several figures of one source for the same measure and period become one vote.

import type { Kind, Observation } from '../types.ts';
import type { SourceFigure } from './model.ts';
import { compareRefsFast } from './ref-order.ts';
import { medianEstimate } from './stats.ts';

/**
 * One figure per source from the observations of one (measure, period) group: the median of the
 * source's central values with the hull of its intervals (`[low, high]` of a range, else
 * `[value, value]` — clean already writes low = high = value for non-ranges). Sorted by source id.
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
    const list = sorted.slice(i, j);
    const kind = kindOf.get(first.source_id);
    if (j - i === 1) {
      const range = first.qualifier === 'range';
      figures.push({
        source_id: first.source_id,
        kind,
        value: first.value,
        low: range ? first.low : first.value,
        high: range ? first.high : first.value,
        observations: list,
      });
    } else {
      const e = medianEstimate(list.map(interval));
      figures.push({
        source_id: first.source_id,
        kind,
        value: e.value,
        low: e.low,
        high: e.high,
        observations: list,
      });
    }
    i = j;
  }
  return figures;
}

function bySourceThenRef(a: Observation, b: Observation): number {
  if (a.source_id !== b.source_id) return a.source_id < b.source_id ? -1 : 1;
  return compareRefsFast(a.ref, b.ref);
}

function interval(o: Observation): { value: number; low: number; high: number } {
  if (o.qualifier === 'range') return { value: o.value, low: o.low, high: o.high };
  return { value: o.value, low: o.value, high: o.value };
}
