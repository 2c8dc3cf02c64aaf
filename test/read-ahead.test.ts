import { describe, expect, it } from 'vitest';
import { readAhead } from '../pipeline/io/read-ahead.ts';

describe('readAhead', () => {
  it('reads each item of the range once, in order, and no other', () => {
    const items = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const seen: string[] = [];
    readAhead(items, 1, 4, (item) => {
      seen.push(item);
      return item.length;
    });
    expect(seen).toEqual(['bb', 'ccc', 'dddd']);
  });
  it('reads nothing for an empty range', () => {
    let calls = 0;
    readAhead([1, 2, 3], 2, 2, () => ++calls);
    expect(calls).toBe(0);
  });
});
