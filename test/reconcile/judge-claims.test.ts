import { describe, expect, it } from 'vitest';
import { judgeClaims, verdictFor, verdictOnRow } from '../../pipeline/data/reconcile/judge-claims.ts';
import { claim, measure, reconciledRow } from './fixtures.ts';

const row = (period: string, value: number, low = value, high = value) =>
  reconciledRow('m', period, value, { low, high });

describe('verdictFor', () => {
  const r = { low: 100, high: 200 };
  it('is supported exactly at low × (1 − tol) and high × (1 + tol)', () => {
    expect(verdictFor(90, r, 0.1)).toBe('supported');
    expect(verdictFor(220, r, 0.1)).toBe('supported');
    expect(verdictFor(0.27, { low: 0.3, high: 0.3 }, 0.1)).toBe('supported');
    expect(verdictFor(0.33, { low: 0.3, high: 0.3 }, 0.1)).toBe('supported');
  });
  it('is understated just below and overstated just above', () => {
    expect(verdictFor(89.999, r, 0.1)).toBe('understated');
    expect(verdictFor(220.001, r, 0.1)).toBe('overstated');
  });
  it('uses zero tolerance as the bare interval', () => {
    expect(verdictFor(100, r, 0)).toBe('supported');
    expect(verdictFor(99.9, r, 0)).toBe('understated');
  });
});

describe('judgeClaims', () => {
  const measures = new Map([['m', measure('m', { tolerance: 0.1 })]]);

  it('holds a claim against the row of its period, with ratio = claimed / value', () => {
    const rows = new Map([['m', [row('1936', 50), row('1937', 100, 90, 110)]]]);
    const r = judgeClaims([claim('c1', 'm', 125, '1937')], measures, rows);
    expect(r.rows).toEqual([
      {
        claim_id: 'c1',
        claim: 'c1',
        measure_id: 'm',
        period_start: '1937',
        period_end: '1937',
        claimed: 125,
        value: 100,
        low: 90,
        high: 110,
        ratio: 1.25,
        verdict: 'overstated',
      },
    ]);
  });

  it('uses the only row when the claim has no period, and keeps the claim’s empty period', () => {
    const rows = new Map([['m', [row('1937', 100)]]]);
    const [c] = judgeClaims([claim('c1', 'm', 100)], measures, rows).rows;
    expect(c).toMatchObject({ period_start: '', period_end: '', value: 100, verdict: 'supported' });
  });

  it('is no_data, with a warning, when the claim has no period and the measure several rows', () => {
    const rows = new Map([['m', [row('1936', 50), row('1937', 100)]]]);
    const r = judgeClaims([claim('c1', 'm', 100)], measures, rows);
    expect(r.rows[0]).toMatchObject({ value: null, low: null, high: null, ratio: null, verdict: 'no_data' });
    expect(r.problems).toMatchObject([{ kind: 'warning', code: 'claim-no-period' }]);
  });

  it('is no_data when no row has the period, and ratio null when the value is 0', () => {
    const rows = new Map([['m', [row('1937', 0, -1, 1)]]]);
    const r = judgeClaims([claim('c2', 'm', 0.5, '1937'), claim('c1', 'm', 5, '1940')], measures, rows);
    expect(r.rows.map((x) => [x.claim_id, x.verdict, x.ratio])).toEqual([
      ['c1', 'no_data', null],
      ['c2', 'supported', null],
    ]);
  });

  it('sorts by claim, measure, period', () => {
    const ms = new Map([...measures, ['a', measure('a')]]);
    const r = judgeClaims(
      [
        claim('c2', 'm', 1, '1937'),
        claim('c1', 'm', 1, '1937'),
        claim('c1', 'm', 1, '1936'),
        claim('c1', 'a', 1, '1937'),
      ],
      ms,
      new Map(),
    );
    expect(r.rows.map((x) => `${x.claim_id} ${x.measure_id} ${x.period_start}`)).toEqual([
      'c1 a 1937',
      'c1 m 1936',
      'c1 m 1937',
      'c2 m 1937',
    ]);
  });
});

describe('verdictOnRow: outliers never support, misattributed is never supported', () => {
  it('gives misattributed, not supported, to a misattributed reading within tolerance', () => {
    const r = { value: 100, low: 90, high: 110 };
    expect(verdictOnRow(105, r, 0.1, 'stated')).toBe('supported');
    expect(verdictOnRow(105, r, 0.1, 'misattributed')).toBe('misattributed');
    // Outside tolerance a misattributed reading is over- or understated like any other.
    expect(verdictOnRow(200, r, 0.1, 'misattributed')).toBe('overstated');
    expect(verdictOnRow(10, r, 0.1, 'misattributed')).toBe('understated');
  });

  it('judges on the agreeing sources (support), not the row hull an outlier widened', () => {
    const r = { value: 100, low: 95, high: 300, support: { low: 95, high: 105 } };
    // 290 lies in the row's hull only because of an outlier: overstated, where the old rule said supported.
    expect(verdictOnRow(290, r, 0.1, 'stated')).toBe('overstated');
    expect(verdictOnRow(110, r, 0.1, 'stated')).toBe('supported');
  });

  it('supports nothing when no source agrees with the value (support null)', () => {
    const r = { value: 15, low: 10, high: 20, support: null };
    expect(verdictOnRow(15, r, 0.1, 'stated')).toBe('understated');
    expect(verdictOnRow(20, r, 0.1, 'stated')).toBe('overstated');
    expect(verdictOnRow(10, r, 0.1, 'stated')).toBe('understated');
  });

  it('judgeClaims prints the row’s own low/high but judges on its support', () => {
    const measures = new Map([['m', measure('m', { tolerance: 0.1 })]]);
    const rows = new Map([
      [
        'm',
        [{ ...reconciledRow('m', '1937', 100, { low: 95, high: 300 }), support: { low: 95, high: 105 } }],
      ],
    ]);
    const [c] = judgeClaims([claim('c1', 'm', 290, '1937')], measures, rows).rows;
    expect(c).toMatchObject({ low: 95, high: 300, verdict: 'overstated' });
  });
});
