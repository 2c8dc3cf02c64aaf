// Issue 16's rules as properties (DESIGN §4); each of these failed on the rules before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../pipeline/core/types.ts';
import { verdictOnRow } from '../../pipeline/data/reconcile/judge-claims.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { claim, input, measure, obs, priority, source } from './fixtures.ts';

const IDS = ['s0', 's1', 's2', 's3', 's4'];
const sources = [...IDS.map((id) => source(id, 'archival')), source('pop', 'popular'), source('b', 'memoir')];
const M = measure('m', { tolerance: 0.1 });
const P = measure('p', { method: priority('archival', 'popular'), tolerance: 0.1 });

const value = fc.double({ min: 1, max: 1e7, noNaN: true });
const estimate = (measureId: string) =>
  fc
    .record({
      source: fc.constantFrom(...IDS),
      value,
      spread: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true })),
    })
    .map(
      (r): Observation =>
        r.spread === null
          ? obs(r.source, measureId, '1937', r.value)
          : obs(r.source, measureId, '1937', r.value, {
              low: r.value * (1 - r.spread),
              high: r.value * (1 + r.spread),
            }),
    );
const withRefs = (list: Observation[]) =>
  list.map((o, i) => ({ ...o, ref: `observations/${o.source_id}.csv:${i + 2}` }));
const estimates = (measureId: string) =>
  fc.array(estimate(measureId), { minLength: 1, maxLength: 12 }).map(withRefs);
const bound = fc.record({ qualifier: fc.constantFrom('at_least' as const, 'at_most' as const), value });

const row = (observations: Observation[], measures = [M]) =>
  reconcile(input({ sources, measures, observations })).reconciled[0];

describe('bounds are constraints, not estimates', () => {
  it('adding a bound, of a new source or of one that gives an estimate, never moves the median or the range', () => {
    fc.assert(
      fc.property(estimates('m'), bound, fc.constantFrom('b', 's0'), (list, b, who) => {
        const before = row(list);
        const added = obs(who, 'm', '1937', b.value, {
          qualifier: b.qualifier,
          ref: `observations/${who}.csv:999`,
        });
        const after = row([...list, added]);
        expect([after?.value, after?.low, after?.high]).toEqual([before?.value, before?.low, before?.high]);
        if (who === 'b') expect(after?.n_sources).toBe((before?.n_sources ?? 0) + 1);
      }),
    );
  });

  it('a row of bounds only is the tightest bound', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), (floors) => {
        const list = withRefs(
          floors.map((v, i) => obs(IDS[i] as string, 'm', '1937', v, { qualifier: 'at_least' })),
        );
        const r = row(list);
        expect(r).toMatchObject({ value: Math.max(...floors), low: Math.max(...floors), bound: 'at_least' });
        expect(r?.high).toBe(r?.value);
      }),
    );
  });
});

describe('a source counts once', () => {
  it('several figures of one source are one vote: the median of its estimates, its bounds left out', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), value, bound, (mine, other, b) => {
        const list = withRefs([
          ...mine.map((v) => obs('s0', 'm', '1937', v)),
          obs('s0', 'm', '1937', b.value, { qualifier: b.qualifier }),
          obs('s1', 'm', '1937', other),
        ]);
        const sorted = [...mine].sort((x, y) => x - y);
        const mid = sorted.length >> 1;
        const own =
          sorted.length % 2
            ? (sorted[mid] as number)
            : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
        const r = row(list);
        expect(r?.n_sources).toBe(2);
        expect(r?.value).toBeCloseTo((own + other) / 2, 6);
        expect(r?.low).toBe(Math.min(sorted[0] as number, other));
      }),
    );
  });
});

describe('priority: agreement over every source', () => {
  it('a set-aside source that disagrees makes the row contested and is an outlier; the value stays', () => {
    fc.assert(
      fc.property(value, fc.double({ min: 1.2, max: 100, noNaN: true }), fc.boolean(), (v, factor, above) => {
        const archive = [obs('s0', 'p', '1937', v), obs('s1', 'p', '1937', v * 1.01)];
        const popular = obs('pop', 'p', '1937', above ? v * factor : v / factor);
        const alone = row(withRefs(archive), [P]);
        const r = row(withRefs([...archive, popular]), [P]);
        expect(alone?.agreement).toBe('consistent');
        expect(r).toMatchObject({
          agreement: 'contested',
          outliers: ['pop'],
          n_sources: 3,
          value: alone?.value,
        });
      }),
    );
  });

  it('n_sources counts every source and `single` means one source', () => {
    fc.assert(
      fc.property(estimates('p'), value, (list, v) => {
        const r = row([...list, obs('pop', 'p', '1937', v, { ref: 'observations/pop.csv:99' })], [P]);
        const n = new Set(list.map((o) => o.source_id)).size + 1;
        expect(r?.n_sources).toBe(n);
        expect(r?.agreement).not.toBe('single');
      }),
    );
  });
});

describe('claims', () => {
  it('a misattributed reading is never supported', () => {
    fc.assert(
      fc.property(
        value,
        value,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (claimed, v, spread, tol) => {
          const r = { value: v, low: v * (1 - spread), high: v * (1 + spread) };
          expect(verdictOnRow(claimed, r, tol, 'misattributed')).not.toBe('supported');
          const stated = verdictOnRow(claimed, r, tol, 'stated');
          expect(verdictOnRow(claimed, r, tol, 'misattributed')).toBe(
            stated === 'supported' ? 'misattributed' : stated,
          );
        },
      ),
    );
  });

  it('an outlier never supports a claim: a claim at the outlier’s figure is overstated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.97, max: 1.03, noNaN: true }), { minLength: 2, maxLength: 4 }),
        value,
        fc.double({ min: 2, max: 50, noNaN: true }),
        (near, base, factor) => {
          const list = withRefs([
            ...near.map((k, i) => obs(IDS[i] as string, 'm', '1937', base * k)),
            obs('b', 'm', '1937', base * factor),
          ]);
          const c = { ...claim('c1', 'm', base * factor, '1937'), ref: 'claims.csv:2' };
          const r = reconcile(input({ sources, measures: [M], observations: list, claims: [c] }));
          expect(r.reconciled[0]?.outliers).toContain('b');
          expect(r.claims[0]?.verdict).toBe('overstated');
          // claims.csv still prints the row's own range, the outlier's figure included.
          expect(r.claims[0]?.high).toBe(r.reconciled[0]?.high);
        },
      ),
    );
  });
});
