import { compareText } from '../../core/order.ts';
import type { Observation } from '../../core/types.ts';

/**
 * Stable sort by (measure_id, period_start, period_end), in linear time: each row gets the rank of its
 * group (the few distinct groups are sorted once), then a counting sort places the rows. Comparing a
 * million rows field by field took seconds.
 */
export function sortByGroup(observations: readonly Observation[]): Observation[] {
  const n = observations.length;
  const groupOf = new Int32Array(n);
  const keys: { measure_id: string; period_start: string; period_end: string; id: number }[] = [];
  const index = new Map<string, Map<string, Map<string, number>>>();
  for (let i = 0; i < n; i++) {
    const o = observations[i] as Observation;
    const byEnd = inner(inner(index, o.measure_id), o.period_start);
    let id = byEnd.get(o.period_end);
    if (id === undefined) {
      id = keys.length;
      byEnd.set(o.period_end, id);
      keys.push({ measure_id: o.measure_id, period_start: o.period_start, period_end: o.period_end, id });
    }
    groupOf[i] = id;
  }
  keys.sort(
    (a, b) =>
      compareText(a.measure_id, b.measure_id) ||
      compareText(a.period_start, b.period_start) ||
      compareText(a.period_end, b.period_end),
  );
  // start[rank] = where the rows of that group begin in the output.
  const rankOf = new Int32Array(keys.length);
  keys.forEach((k, r) => {
    rankOf[k.id] = r;
  });
  const rank = new Int32Array(n);
  const start = new Int32Array(keys.length + 1);
  for (let i = 0; i < n; i++) {
    const r = rankOf[groupOf[i]!]!;
    rank[i] = r;
    start[r + 1]!++;
  }
  for (let r = 0; r < keys.length; r++) start[r + 1]! += start[r]!;
  const out = new Array<Observation>(n);
  for (let i = 0; i < n; i++) out[start[rank[i]!]!++] = observations[i]!;
  return out;
}

/** The map under `key`, made on first use. */
export function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let map = outer.get(key);
  if (map === undefined) {
    map = new Map();
    outer.set(key, map);
  }
  return map;
}
