import { describe, expect, it } from 'vitest';
import { hull, median, medianEstimate, tidy } from '../../pipeline/data/reconcile/stats.ts';

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle pair of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('sorts numerically, not as text', () => {
    expect(median([10, 9, 100])).toBe(10);
  });
  it('rounds float noise away', () => {
    expect(median([0.1, 0.2])).toBe(0.15);
    expect(median([0.2, 0.1, 0.4, 0.3])).toBe(0.25);
  });
  it('refuses no values', () => {
    expect(() => median([])).toThrow();
  });
});

describe('hull and medianEstimate', () => {
  it('spans every interval', () => {
    expect(
      hull([
        { low: 2, high: 3 },
        { low: 1, high: 1.5 },
      ]),
    ).toEqual({ low: 1, high: 3 });
    expect(
      medianEstimate([
        { value: 2, low: 2, high: 2 },
        { value: 5, low: 4, high: 6 },
        { value: 3, low: 3, high: 3 },
      ]),
    ).toEqual({ value: 3, low: 2, high: 6 });
  });
});

describe('tidy', () => {
  it('drops float noise and keeps 15 significant digits', () => {
    expect(tidy(0.1 + 0.2)).toBe(0.3);
    expect(tidy(2528146.123456)).toBe(2528146.123456);
    expect(median([2528146.123456, 2528146.123456])).toBe(2528146.123456);
  });
});
