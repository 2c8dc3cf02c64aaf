import { describe, expect, it } from 'vitest';
import { oneVotePerSource } from '../../pipeline/reconcile/one-vote-per-source.ts';
import type { Kind } from '../../pipeline/types.ts';
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

  it('uses [value, value] for approx, at_least and at_most', () => {
    const [f] = oneVotePerSource(
      [
        obs('a', 'm', '1937', 100, { qualifier: 'at_least' }),
        obs('a', 'm', '1937', 200, { qualifier: 'approx' }),
      ],
      kinds,
    );
    expect(f).toMatchObject({ value: 150, low: 100, high: 200 });
  });

  it('leaves the kind undefined for a source missing from sources.csv', () => {
    expect(oneVotePerSource([obs('zz', 'm', '1937', 1)], kinds)[0]?.kind).toBeUndefined();
  });
});
