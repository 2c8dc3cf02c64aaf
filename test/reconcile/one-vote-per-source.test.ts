import { describe, expect, it } from 'vitest';
import type { Kind } from '../../pipeline/core/types.ts';
import { oneVotePerSource } from '../../pipeline/data/reconcile/one-vote-per-source.ts';
import { obs } from './fixtures.ts';

const kinds = new Map<string, Kind>([
  ['a', 'archival'],
  ['b', 'scholarly'],
]);

describe('oneVotePerSource', () => {
  it('turns two figures of one source into one: median of values, hull of intervals', () => {
    const figures = oneVotePerSource(
      [
        obs('a', 'm', '1937', 100, { ref: 'observations/a.csv:3' }),
        obs('a', 'm', '1937', 110, { low: 105, high: 120, ref: 'observations/a.csv:2' }),
        obs('b', 'm', '1937', 90),
      ],
      kinds,
    );
    expect(figures.map((f) => f.source_id)).toEqual(['a', 'b']);
    const a = figures[0];
    expect(a).toMatchObject({ source_id: 'a', kind: 'archival', value: 105, low: 100, high: 120 });
    expect(a?.observations.map((o) => o.ref)).toEqual(['observations/a.csv:2', 'observations/a.csv:3']);
  });

  it('counts only the estimates of a source that also gives a bound (a bound is no central value)', () => {
    const [f] = oneVotePerSource(
      [
        obs('a', 'm', '1937', 100, { qualifier: 'at_least' }),
        obs('a', 'm', '1937', 200, { qualifier: 'approx' }),
      ],
      kinds,
    );
    // The old rule took the median of both, 150, a figure the source never gives.
    expect(f).toMatchObject({ value: 200, low: 200, high: 200 });
    expect(f?.bound).toBeUndefined();
    expect(f?.counted.map((o) => o.value)).toEqual([200]);
    expect(f?.observations).toHaveLength(2);
  });

  it('gives a bound, not an estimate, for a source of bounds only (median of each kind)', () => {
    const [f] = oneVotePerSource(
      [
        obs('a', 'm', '1937', 5, { qualifier: 'at_least' }),
        obs('a', 'm', '1937', 7, { qualifier: 'at_least' }),
        obs('a', 'm', '1937', 20, { qualifier: 'at_most' }),
      ],
      kinds,
    );
    expect(f?.bound).toEqual({ floor: 6, ceiling: 20 });
    expect(f).toMatchObject({ value: 6, low: 6, high: 6 });
  });

  it('leaves the kind undefined for a source missing from sources.csv', () => {
    expect(oneVotePerSource([obs('zz', 'm', '1937', 1)], kinds)[0]?.kind).toBeUndefined();
  });
});
