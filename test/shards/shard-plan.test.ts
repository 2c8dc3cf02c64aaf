import { describe, expect, it } from 'vitest';
import type { Measure } from '../../pipeline/core/types.ts';
import { parseMethod } from '../../pipeline/data/clean/parse-method.ts';
import { planShards } from '../../pipeline/run/shards/shard-plan.ts';

const measure = (measure_id: string, method = 'median'): Measure => {
  const parsed = parseMethod(method);
  if (!parsed.ok) throw new Error(parsed.reason);
  return {
    measure_id,
    label: measure_id,
    unit: 'persons',
    definition: '',
    method: parsed.method,
    method_text: method,
    tolerance: 0.1,
    ref: 'measures.csv:2',
  };
};

describe('planShards', () => {
  it('puts a derived measure with every measure it reads, however long the chain', () => {
    const measures = [
      measure('z-series'),
      measure('a-ratio', 'ratio:z-series/m-other'),
      measure('m-other'),
      measure('growth', 'cagr:a-ratio@1928/1937'),
    ];
    for (const shards of [2, 3, 5, 7]) {
      const shardOf = planShards(measures, shards);
      const of = new Set(['z-series', 'a-ratio', 'm-other', 'growth'].map(shardOf));
      expect(of.size, `${shards} shards`).toBe(1);
    }
  });

  it('spreads unrelated measures over the shards, the same way in every run and order', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `m-${i}`);
    const a = planShards(
      ids.map((id) => measure(id)),
      2,
    );
    const b = planShards(ids.map((id) => measure(id)).reverse(), 2);
    const counts = [0, 0];
    for (const id of ids) {
      expect(a(id)).toBe(b(id));
      counts[a(id)]!++;
    }
    expect(Math.min(...counts)).toBeGreaterThan(150);
  });

  it('gives an unknown measure id (a row clean rejects) a shard in range', () => {
    const shardOf = planShards([measure('known')], 3);
    for (const id of ['unknown', '', 'Not An Id']) {
      const s = shardOf(id);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(3);
    }
  });
});
