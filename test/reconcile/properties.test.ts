import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../pipeline/core/types.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { input, measure, obs, priority, ratio, source } from './fixtures.ts';

const SOURCES = ['s0', 's1', 's2', 's3', 's4', 's5'];
const MEASURES = [
  measure('m.median', { tolerance: 0.1 }),
  measure('m.priority', { method: priority('archival', 'official'), tolerance: 0.05 }),
  measure('m.ratio', { unit: 'multiple', method: ratio('m.median', 'm.priority') }),
];
const sources = SOURCES.map((id, i) =>
  source(id, i % 3 === 0 ? 'archival' : i % 3 === 1 ? 'official' : 'memoir'),
);

const figure = fc
  .record({
    source: fc.constantFrom(...SOURCES),
    measure: fc.constantFrom('m.median', 'm.priority'),
    period: fc.constantFrom('1936', '1937', '1933..1937'),
    value: fc.double({ min: 0.5, max: 1e7, noNaN: true }),
    spread: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
  })
  .map((r): Observation => {
    if (r.spread === undefined) return obs(r.source, r.measure, r.period, r.value);
    return obs(r.source, r.measure, r.period, r.value, {
      low: r.value * (1 - r.spread),
      high: r.value * (1 + r.spread),
    });
  });

/** Unique refs, as clean guarantees (file:line). */
const figures = fc
  .array(figure, { minLength: 1, maxLength: 40 })
  .map((list) => list.map((o, i) => ({ ...o, ref: `observations/${o.source_id}.csv:${i + 2}` })));

describe('reconcile properties', () => {
  it('puts the value of every observed row within [low, high]', () => {
    fc.assert(
      fc.property(figures, (observations) => {
        const r = reconcile(input({ sources, measures: MEASURES, observations }));
        for (const row of r.reconciled) {
          if (row.agreement === 'derived') continue;
          expect(row.low).toBeLessThanOrEqual(row.value);
          expect(row.value).toBeLessThanOrEqual(row.high);
        }
      }),
    );
  });

  it('gives identical results whatever the order of the rows', () => {
    fc.assert(
      fc.property(figures, fc.func(fc.integer()), (observations, key) => {
        const shuffled = [...observations]
          .map((o, i) => ({ o, k: key(i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.o);
        const a = reconcile(input({ sources, measures: MEASURES, observations }));
        const b = reconcile(
          input({
            sources: [...sources].reverse(),
            measures: [...MEASURES].reverse(),
            observations: shuffled,
          }),
        );
        expect(b).toEqual(a);
      }),
    );
  });

  it('never shrinks [low, high] of a median row when a source is added', () => {
    fc.assert(
      fc.property(figures, figure, (observations, extra) => {
        const only = observations.filter((o) => o.measure_id === 'm.median');
        const added = { ...extra, measure_id: 'm.median', ref: 'observations/extra.csv:2' };
        const before = reconcile(input({ sources, measures: MEASURES, observations: only }));
        const after = reconcile(input({ sources, measures: MEASURES, observations: [...only, added] }));
        for (const row of before.reconciled.filter((x) => x.measure_id === 'm.median')) {
          const next = after.reconciled.find(
            (x) =>
              x.measure_id === row.measure_id &&
              x.period_start === row.period_start &&
              x.period_end === row.period_end,
          );
          expect(next).toBeDefined();
          expect(next?.low).toBeLessThanOrEqual(row.low);
          expect(next?.high).toBeGreaterThanOrEqual(row.high);
        }
      }),
    );
  });
});
