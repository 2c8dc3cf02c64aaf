// Which shard cleans and reconciles a measure's rows. A derived measure and the measures it reads share
// one shard, so that every shard can reconcile its measures, derived ones included, on its own.

import { compareText } from '../../core/order.ts';
import type { Measure } from '../../core/types.ts';
import { inputsOf } from '../../data/reconcile/dependency-order.ts';

/** FNV-1a: a stable hash, the same in every worker and every run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * measure_id → shard in [0, shards). Measures linked by a derivation form one component, keyed by its
 * smallest id; a measure_id not in the catalog (a row that clean will reject) is keyed by itself.
 */
export function planShards(measures: readonly Measure[], shards: number): (measureId: string) => number {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    // Path compression keeps long derivation chains cheap.
    for (let cur = id; cur !== root; ) {
      const next = parent.get(cur) as string;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller id becomes the root: the key does not depend on the order of measures.csv.
    if (compareText(ra, rb) < 0) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const m of measures) if (!parent.has(m.measure_id)) parent.set(m.measure_id, m.measure_id);
  for (const m of measures) for (const input of inputsOf(m.method)) union(m.measure_id, input);
  const shardOf = new Map<string, number>();
  return (measureId) => {
    let shard = shardOf.get(measureId);
    if (shard === undefined) {
      shard = hash(parent.has(measureId) ? find(measureId) : measureId) % shards;
      shardOf.set(measureId, shard);
    }
    return shard;
  };
}
