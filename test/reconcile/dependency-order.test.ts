import { describe, expect, it } from 'vitest';
import { planDerivations } from '../../pipeline/data/reconcile/dependency-order.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { cagr, input, measure, obs, ratio, source } from './fixtures.ts';

describe('planDerivations', () => {
  it('plans a chain of 20,000 derived measures, and finds a cycle of that length, without recursion', () => {
    const n = 20_000;
    const chain = [
      measure('x'),
      ...Array.from({ length: n }, (_, i) => measure(`d${i}`, { method: cagr(i === 0 ? 'x' : `d${i - 1}`) })),
    ];
    const plan = planDerivations(chain);
    expect(plan.problems).toEqual([]);
    expect(plan.order.length).toBe(n);
    expect(plan.order.indexOf('d0')).toBeLessThan(plan.order.indexOf('d19999'));
    const loop = Array.from({ length: n }, (_, i) => measure(`d${i}`, { method: cagr(`d${(i + 1) % n}`) }));
    const broken = planDerivations(loop);
    expect(broken.problems.map((p) => p.code)).toEqual(['derivation-cycle']);
    expect(broken.broken.size).toBe(n);
  });

  it('orders a chain inputs first, whatever the order of measures.csv', () => {
    const plan = planDerivations([
      measure('c', { method: ratio('b', 'x') }),
      measure('a', { method: cagr('c') }),
      measure('b', { method: ratio('x', 'y') }),
      measure('x'),
      measure('y'),
    ]);
    expect(plan.order).toEqual(['b', 'c', 'a']);
    expect(plan.problems).toEqual([]);
  });

  it('reports a cycle once, with its path, and breaks every measure in it', () => {
    const plan = planDerivations([
      measure('p', { method: ratio('q', 'x'), line: 5 }),
      measure('q', { method: cagr('p'), line: 6 }),
      measure('r', { method: ratio('r', 'x'), line: 7 }),
      measure('x'),
    ]);
    expect(plan.problems).toEqual([
      {
        kind: 'fatal',
        code: 'derivation-cycle',
        ref: 'measures.csv:5',
        message:
          'Derived measures form a cycle: p → q → p. Change one of their methods so that no measure depends on itself.',
      },
      {
        kind: 'fatal',
        code: 'derivation-cycle',
        ref: 'measures.csv:7',
        message:
          'Derived measures form a cycle: r → r. Change one of their methods so that no measure depends on itself.',
      },
    ]);
    expect([...plan.broken].sort()).toEqual(['p', 'q', 'r']);
  });

  it('reports an unknown input', () => {
    const plan = planDerivations([measure('p', { method: ratio('nope', 'x') }), measure('x')]);
    expect(plan.problems).toMatchObject([{ kind: 'fatal', code: 'unknown-measure' }]);
    expect(plan.broken.has('p')).toBe(true);
  });
});

describe('chains in reconcile', () => {
  const sources = [source('a'), source('b')];
  it('computes a ratio of a derived measure', () => {
    const r = reconcile(
      input({
        sources,
        measures: [
          measure('per-hour', { unit: 'multiple', method: ratio('multiple', 'hours') }),
          measure('multiple', { unit: 'multiple', method: ratio('tonnes', 'norm') }),
          measure('tonnes'),
          measure('norm'),
          measure('hours', { unit: 'hours' }),
        ],
        observations: [
          obs('a', 'tonnes', '1935', 102),
          obs('b', 'norm', '1935', 6),
          obs('b', 'hours', '1935', 6, { status: 'unverified' }),
        ],
      }),
    );
    expect(r.problems).toEqual([]);
    const row = r.reconciled.find((x) => x.measure_id === 'per-hour');
    expect(row?.value).toBeCloseTo(102 / 36, 9);
    expect(row).toMatchObject({ n_sources: 2, sources: ['a', 'b'], unverified: 1 });
  });

  it('skips measures downstream of a cycle without further errors', () => {
    const r = reconcile(
      input({
        sources,
        measures: [
          measure('p', { method: ratio('q', 'x') }),
          measure('q', { method: ratio('p', 'x') }),
          measure('down', { method: cagr('p') }),
          measure('x'),
        ],
        observations: [obs('a', 'x', '1935', 1)],
      }),
    );
    expect(r.problems.map((p) => p.code)).toEqual(['derivation-cycle']);
    expect(r.reconciled.map((x) => x.measure_id)).toEqual(['x']);
  });
});
