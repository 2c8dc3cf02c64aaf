import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../pipeline/core/types.ts';
import { sortByGroup } from '../../pipeline/data/clean/sort-by-group.ts';

const obs = (measure_id: string, period_start: string, period_end: string, ref: string): Observation => ({
  source_id: 's',
  measure_id,
  period_start,
  period_end,
  value: 1,
  low: 1,
  high: 1,
  unit: 't',
  qualifier: 'exact',
  status: 'verified',
  page: '',
  raw: '1',
  ref,
  note: '',
});

describe('sortByGroup', () => {
  it('orders by measure, period start and end, keeping the input order inside a group', () => {
    const rows = [
      obs('b', '1937', '1937', 'x:1'),
      obs('a', '1938', '1938', 'x:2'),
      obs('a', '1937', '1940', 'x:3'),
      obs('a', '1937', '1937', 'x:4'),
      obs('b', '1937', '1937', 'x:5'),
    ];
    expect(sortByGroup(rows).map((o) => o.ref)).toEqual(['x:4', 'x:3', 'x:2', 'x:1', 'x:5']);
  });
  it('gives what a stable comparison sort gives, on any input', () => {
    const key = fc.constantFrom('a', 'b', 'c', '1937', '1938');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, key, key), { maxLength: 60 }), (tuples) => {
        const rows = tuples.map(([m, s, e], i) => obs(m, s, e, `r:${i}`));
        const expected = [...rows].sort(
          (x, y) =>
            (x.measure_id < y.measure_id ? -1 : x.measure_id > y.measure_id ? 1 : 0) ||
            (x.period_start < y.period_start ? -1 : x.period_start > y.period_start ? 1 : 0) ||
            (x.period_end < y.period_end ? -1 : x.period_end > y.period_end ? 1 : 0),
        );
        expect(sortByGroup(rows).map((o) => o.ref)).toEqual(expected.map((o) => o.ref));
      }),
    );
  });
});
