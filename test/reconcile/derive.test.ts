import { describe, expect, it } from 'vitest';
import { rowAtYear } from '../../pipeline/data/reconcile/derive.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { cagr, input, measure, obs, ratio, source } from './fixtures.ts';

const sources = [source('a'), source('b'), source('c')];

describe('ratio', () => {
  it('divides per shared period, low = a.low / b.high, high = a.high / b.low', () => {
    const r = reconcile(
      input({
        sources,
        measures: [measure('x'), measure('y'), measure('q', { unit: 'multiple', method: ratio('x', 'y') })],
        observations: [
          obs('a', 'x', '1935', 102),
          obs('b', 'x', '1935', 100, { low: 95, high: 105 }),
          obs('c', 'y', '1935', 7, { low: 6, high: 8 }),
          obs('a', 'x', '1936', 50), // y has no 1936: no row, no error
        ],
      }),
    );
    expect(r.problems).toEqual([]);
    const q = r.reconciled.filter((row) => row.measure_id === 'q');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({
      period_start: '1935',
      period_end: '1935',
      low: 11.875,
      high: 17.5,
      unit: 'multiple',
      method: 'ratio:x/y',
      agreement: 'derived',
      n_sources: 3,
      sources: ['a', 'b', 'c'],
      outliers: [],
    });
    expect(q[0]?.value).toBeCloseTo(101 / 7, 9);
    const audit = r.audit.find((e) => e.measure_id === 'q');
    expect(audit?.inputs.map((i) => i.measure_id)).toEqual(['x', 'y']);
    expect(audit?.used.map((u) => u.source_id)).toEqual(['a', 'b', 'c']);
    expect(audit?.explanation).toBe('101 t ÷ 7 t = 14.428571 ×; range 95 ÷ 8 = 11.875 to 105 ÷ 6 = 17.5.');
  });

  it('is a fatal problem when an input has no rows or no shared period', () => {
    const none = reconcile(
      input({
        sources,
        measures: [measure('x'), measure('y'), measure('q', { method: ratio('x', 'y') })],
        observations: [obs('a', 'x', '1935', 1)],
      }),
    );
    expect(none.problems).toMatchObject([{ kind: 'fatal', code: 'missing-input' }]);
    expect(none.problems[0]?.message).toContain('its input y has no figures');
    const disjoint = reconcile(
      input({
        sources,
        measures: [measure('x'), measure('y'), measure('q', { method: ratio('x', 'y') })],
        observations: [obs('a', 'x', '1935', 1), obs('a', 'y', '1936', 1)],
      }),
    );
    expect(disjoint.problems[0]?.message).toContain('x and y share no period');
  });

  it('refuses a zero denominator', () => {
    const r = reconcile(
      input({
        sources,
        measures: [measure('x'), measure('y'), measure('q', { method: ratio('x', 'y') })],
        observations: [obs('a', 'x', '1935', 1), obs('a', 'y', '1935', 0)],
      }),
    );
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'division-by-zero' }]);
    expect(r.reconciled.map((row) => row.measure_id)).toEqual(['x', 'y']);
  });

  it('refuses a ratio too large to print, as from a tiny denominator', () => {
    const r = reconcile(
      input({
        sources,
        measures: [measure('x'), measure('y'), measure('q', { method: ratio('x', 'y') })],
        observations: [obs('a', 'x', '1935', 1e15), obs('a', 'y', '1935', 1e-300)],
      }),
    );
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'ratio-out-of-range' }]);
    expect(r.problems[0]?.message).toContain('x / y at 1935 is 10^21 or more');
    expect(r.reconciled.map((row) => row.measure_id)).toEqual(['x', 'y']);
  });
});

describe('cagr from a multiple', () => {
  it('gives (m^(1/(end − start)) − 1) × 100 over the multiple’s period', () => {
    const r = reconcile(
      input({
        sources,
        measures: [
          measure('mult', { unit: 'multiple' }),
          measure('rate', { unit: 'percent_per_year', method: cagr('mult') }),
        ],
        observations: [obs('a', 'mult', '1928..1940', 1.81, { low: 1.5, high: 2 })],
      }),
    );
    const row = r.reconciled.find((x) => x.measure_id === 'rate');
    expect(row).toMatchObject({
      period_start: '1928',
      period_end: '1940',
      agreement: 'derived',
      sources: ['a'],
    });
    expect(row?.value).toBeCloseTo((1.81 ** (1 / 12) - 1) * 100, 9);
    expect(row?.low).toBeCloseTo((1.5 ** (1 / 12) - 1) * 100, 9);
    expect(row?.high).toBeCloseTo((2 ** (1 / 12) - 1) * 100, 9);
    expect(r.audit.find((e) => e.measure_id === 'rate')?.explanation).toMatch(
      /^\(1\.81\)\^\(1\/12\) − 1 = 5\.068665 % per year; range/,
    );
  });

  it('needs a multiple with a span', () => {
    const notMultiple = reconcile(
      input({
        sources,
        measures: [measure('m'), measure('rate', { method: cagr('m') })],
        observations: [obs('a', 'm', '1928..1940', 2)],
      }),
    );
    expect(notMultiple.problems).toMatchObject([{ kind: 'fatal', code: 'cagr-not-multiple' }]);
    const noSpan = reconcile(
      input({
        sources,
        measures: [measure('m', { unit: 'multiple' }), measure('rate', { method: cagr('m') })],
        observations: [obs('a', 'm', '1937', 2)],
      }),
    );
    expect(noSpan.problems.map((p) => `${p.kind}:${p.code}`)).toEqual([
      'warning:cagr-no-span',
      'fatal:missing-input',
    ]);
  });

  it('refuses a rate too large to be a figure', () => {
    const r = reconcile(
      input({
        sources,
        measures: [measure('m', { unit: 'multiple' }), measure('rate', { method: cagr('m') })],
        observations: [obs('a', 'm', '1928..1929', 1e20)],
      }),
    );
    expect(r.problems.map((p) => `${p.kind}:${p.code}`)).toEqual(['fatal:cagr-out-of-range']);
    expect(r.reconciled.map((row) => row.measure_id)).toEqual(['m']);
  });
});

describe('cagr from a series', () => {
  const measures = [
    measure('coal', { unit: 'Mt' }),
    measure('rate', { unit: 'percent_per_year', method: cagr('coal', 1928, 1937) }),
  ];

  it('uses the values at S and E, low = lowE / highS, high = highE / lowS', () => {
    const r = reconcile(
      input({
        sources,
        measures,
        observations: [
          obs('a', 'coal', '1928', 35.5, { low: 35, high: 36 }),
          obs('b', 'coal', '1937', 128, { low: 120, high: 130 }),
          obs('a', 'coal', '1932', 64.4),
        ],
      }),
    );
    const row = r.reconciled.find((x) => x.measure_id === 'rate');
    expect(row).toMatchObject({
      period_start: '1928',
      period_end: '1937',
      n_sources: 2,
      sources: ['a', 'b'],
    });
    expect(row?.value).toBeCloseTo(((128 / 35.5) ** (1 / 9) - 1) * 100, 9);
    expect(row?.low).toBeCloseTo(((120 / 36) ** (1 / 9) - 1) * 100, 9);
    expect(row?.high).toBeCloseTo(((130 / 35) ** (1 / 9) - 1) * 100, 9);
    expect(r.audit.find((e) => e.measure_id === 'rate')?.inputs.map((i) => i.period_start)).toEqual([
      '1928',
      '1937',
    ]);
  });

  it('refuses a rate that is not finite, as from a start near 0', () => {
    const r = reconcile(
      input({
        sources,
        measures,
        observations: [obs('a', 'coal', '1928', 1e-300), obs('b', 'coal', '1937', 1e20)],
      }),
    );
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'cagr-out-of-range' }]);
    expect(r.problems[0]?.message).toContain('the yearly rate of coal from 1928');
  });

  it('accepts a single date in the year (a 1 January stock)', () => {
    const r = reconcile(
      input({
        sources,
        measures,
        observations: [obs('a', 'coal', '1928-01-01', 10), obs('a', 'coal', '1937-01-01', 20)],
      }),
    );
    expect(r.problems).toEqual([]);
    expect(r.reconciled.find((x) => x.measure_id === 'rate')?.value).toBeCloseTo((2 ** (1 / 9) - 1) * 100, 9);
  });

  it('is a fatal problem naming the missing year', () => {
    const r = reconcile(input({ sources, measures, observations: [obs('a', 'coal', '1928', 10)] }));
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'missing-input', ref: 'measures.csv:2' }]);
    expect(r.problems[0]?.message).toBe(
      'Measure rate (cagr:coal@1928/1937): coal has no row for 1937 (it has 1928).',
    );
  });

  it('prefers the bare year, and refuses several dates in one year', () => {
    const row = (p: string) => ({ row: { period_start: p, period_end: p } }) as never;
    expect(rowAtYear([row('1928-01-01'), row('1928')], 1928)).toHaveLength(1);
    expect(rowAtYear([row('1928-01-01'), row('1928-07-01')], 1928)).toHaveLength(2);
    const r = reconcile(
      input({
        sources,
        measures,
        observations: [
          obs('a', 'coal', '1928-01-01', 1),
          obs('a', 'coal', '1928-07-01', 1),
          obs('a', 'coal', '1937', 2),
        ],
      }),
    );
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'ambiguous-input' }]);
  });
});
