import { describe, expect, it } from 'vitest';
import {
  blockBytes,
  mergeByMeasure,
  orderBlocks,
  placeExtras,
} from '../../pipeline/run/shards/merge-shards.ts';
import type { MeasureBlock } from '../../pipeline/run/shards/shard-work.ts';

const encoder = new TextEncoder();
const block = (measure_id: string, rows: number): MeasureBlock => ({
  measure_id,
  rows,
  bytes: encoder.encode(`${measure_id}×${rows}`),
});
const text = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]).toString('utf8');

describe('orderBlocks', () => {
  it('interleaves the shards by measure id, as an unsharded run sorts them', () => {
    const placed = orderBlocks([
      [block('a', 2), block('m-10', 1), block('m-9', 3)],
      [block('b', 4), block('m-2', 1)],
    ]);
    expect(placed.map((p) => p.block.measure_id)).toEqual(['a', 'b', 'm-10', 'm-2', 'm-9']);
    expect(placed.map((p) => [p.shard, p.localStart, p.globalStart])).toEqual([
      [0, 0, 0],
      [1, 0, 2],
      [0, 2, 6],
      [1, 4, 7],
      [0, 3, 8],
    ]);
  });

  it('writes the blocks in that order, with a separator between them only', () => {
    const placed = orderBlocks([[block('b', 1)], [block('a', 1), block('c', 1)]]);
    expect(text(blockBytes(placed))).toBe('a×1b×1c×1');
    expect(text(blockBytes(placed, encoder.encode(',\n')))).toBe('a×1,\nb×1,\nc×1');
    expect(text(blockBytes(orderBlocks([[], []]), encoder.encode(',')))).toBe('');
  });
});

describe('placeExtras', () => {
  it('moves each extra from its row in the shard to its row in the merged file', () => {
    const placed = orderBlocks([[block('a', 2), block('c', 3)], [block('b', 2)]]);
    // Merged rows: a0 a1 | b0 b1 | c0 c1 c2.
    const extras = placeExtras(placed, [
      [
        [1, { raw: 'a1' }],
        [4, { raw: 'c2' }],
      ],
      [[0, { raw: 'b0' }]],
    ]);
    expect(extras).toEqual([
      [1, { raw: 'a1' }],
      [2, { raw: 'b0' }],
      [6, { raw: 'c2' }],
    ]);
  });

  it('refuses an extra outside every block rather than misplace it', () => {
    expect(() => placeExtras(orderBlocks([[block('a', 1)]]), [[[5, { raw: 'x' }]]])).toThrow(/no block/);
  });
});

describe('mergeByMeasure', () => {
  it('sorts by measure and keeps each shard order within a measure', () => {
    const rows = mergeByMeasure([
      [
        { measure_id: 'b', n: 1 },
        { measure_id: 'b', n: 2 },
      ],
      [
        { measure_id: 'a', n: 3 },
        { measure_id: 'c', n: 4 },
      ],
    ]);
    expect(rows.map((r) => `${r.measure_id}${r.n}`)).toEqual(['a3', 'b1', 'b2', 'c4']);
  });
});
