import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRefs } from '../../pipeline/core/order.ts';
import { compareRefsFast } from '../../pipeline/data/reconcile/ref-order.ts';

describe('compareRefsFast', () => {
  it('orders lines as numbers within a file, files as text', () => {
    expect(compareRefsFast('a.csv:9', 'a.csv:10')).toBeLessThan(0);
    expect(compareRefsFast('b.csv:1', 'a.csv:10')).toBeGreaterThan(0);
    expect(compareRefsFast('a.csv:3', 'a.csv:3')).toBe(0);
    expect(compareRefsFast('observations/a.csv:2', 'observations/a-b.csv:1')).toBeGreaterThan(0);
  });

  it('agrees in sign with write-csv compareRefs', () => {
    const ref = fc.tuple(
      fc.constantFrom('a.csv', 'b.csv', 'a-b.csv', 'ab.csv', 'a.cs', 'observations/x.csv', 'x'),
      fc.nat(200),
      fc.boolean(),
    );
    fc.assert(
      fc.property(ref, ref, ([fa, la, ca], [fb, lb, cb]) => {
        const a = ca ? `${fa}:${la}` : fa;
        const b = cb ? `${fb}:${lb}` : fb;
        expect(Math.sign(compareRefsFast(a, b))).toBe(Math.sign(compareRefs(a, b)));
      }),
    );
  });
});
