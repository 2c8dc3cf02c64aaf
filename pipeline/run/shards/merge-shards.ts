// Putting the shards' parts back in the order of an unsharded run. Shards own disjoint measures and
// every output is sorted by measure_id first, so whole measure blocks interleave; inside a block the
// shard's own order stands.

import { compareText } from '../../core/order.ts';
import type { Measure, Problem } from '../../core/types.ts';
import { planDerivations } from '../../data/reconcile/dependency-order.ts';
import type { ObservationExtras } from '../../io/staged-observations.ts';
import type { MeasureBlock } from './shard-work.ts';

export interface PlacedBlock {
  block: MeasureBlock;
  shard: number;
  /** The block's first row among its shard's rows, and among all rows. */
  localStart: number;
  globalStart: number;
}

/** Every shard's blocks (each list in its shard's order) → all blocks in output order. */
export function orderBlocks(lists: readonly (readonly MeasureBlock[])[]): PlacedBlock[] {
  const placed: PlacedBlock[] = [];
  lists.forEach((blocks, shard) => {
    let localStart = 0;
    for (const block of blocks) {
      placed.push({ block, shard, localStart, globalStart: 0 });
      localStart += block.rows;
    }
  });
  // Stable: a measure split over two blocks of one shard (never, but harmless) keeps its order.
  placed.sort((a, b) => compareText(a.block.measure_id, b.block.measure_id));
  let at = 0;
  for (const p of placed) {
    p.globalStart = at;
    at += p.block.rows;
  }
  return placed;
}

/** Extras indexed by row within their shard → indexed by row in the merged file, in row order. */
export function placeExtras(
  placed: readonly PlacedBlock[],
  extrasByShard: readonly ObservationExtras[],
): ObservationExtras {
  const out: ObservationExtras = [];
  extrasByShard.forEach((extras, shard) => {
    const mine = placed.filter((p) => p.shard === shard).sort((a, b) => a.localStart - b.localStart);
    let k = 0;
    for (const [i, extra] of extras) {
      while (
        k < mine.length &&
        i >= (mine[k] as PlacedBlock).localStart + (mine[k] as PlacedBlock).block.rows
      )
        k++;
      const p = mine[k];
      if (!p || i < p.localStart) throw new Error(`row ${i} of shard ${shard} is in no block`);
      out.push([p.globalStart + (i - p.localStart), extra]);
    }
  });
  return out.sort((a, b) => a[0] - b[0]);
}

/** Rows of every shard (each sorted by measure first) → one list in output order. */
export function mergeByMeasure<T extends { measure_id: string }>(lists: readonly (readonly T[])[]): T[] {
  // Array.prototype.sort is stable: each measure's rows keep their shard's order.
  return lists.flat().sort((a, b) => compareText(a.measure_id, b.measure_id));
}

/** Blocks' texts in output order, joined by `separator` (the audit's `,\n`; observations need none). */
export function* blockBytes(
  placed: readonly PlacedBlock[],
  separator: Uint8Array | null = null,
): Generator<Uint8Array> {
  let first = true;
  for (const p of placed) {
    if (!first && separator) yield separator;
    first = false;
    yield p.block.bytes;
  }
}

/**
 * The shards' reconcile warnings in the order of an unsharded run (reconcile.ts): figures given to a
 * derived measure first, by measure id, then the derivations' warnings in dependency order. Each
 * names its measure by the measure's ref; within a measure, its shard's order stands.
 */
export function orderReconcileWarnings(
  problems: readonly Problem[],
  measures: readonly Measure[],
): Problem[] {
  const idOfRef = new Map(measures.map((m) => [m.ref, m.measure_id]));
  const planned = new Map(planDerivations([...measures]).order.map((id, i) => [id, i]));
  const keyed = problems.map((p) => {
    const id = idOfRef.get(p.ref) ?? '';
    return { p, early: p.code === 'derived-has-observations', id, at: planned.get(id) ?? -1 };
  });
  keyed.sort((a, b) => {
    if (a.early !== b.early) return a.early ? -1 : 1;
    return a.early ? compareText(a.id, b.id) : a.at - b.at;
  });
  return keyed.map((k) => k.p);
}
