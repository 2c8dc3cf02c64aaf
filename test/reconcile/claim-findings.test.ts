import { describe, expect, it } from 'vitest';
import type { Claim, ReadingFinding, Verdict } from '../../pipeline/core/types.ts';
import { bornOut, claimFindings, claimVerdict } from '../../pipeline/data/reconcile/claim-findings.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { claim, input, measure, obs, source } from './fixtures.ts';

const reading = (
  verdict: Verdict,
  as: ReadingFinding['as'] = 'stated',
  ratio: number | null = 1,
): ReadingFinding => ({
  claim_id: 'r',
  claim: 'c',
  measure_id: 'm',
  period_start: '1937',
  period_end: '1937',
  claimed: 1,
  value: verdict === 'no_data' ? null : 1,
  low: null,
  high: null,
  ratio: verdict === 'no_data' ? null : ratio,
  verdict,
  as,
  summary: '',
  n_sources: 1,
});

describe('claimVerdict', () => {
  it('is supported when a stated reading is, whatever the others say', () => {
    expect(claimVerdict([reading('overstated', 'stated', 3), reading('supported')])).toBe('supported');
  });
  it('is misattributed, never supported, when only a misattributed reading fits', () => {
    expect(
      claimVerdict([reading('understated', 'stated', 0.5), reading('misattributed', 'misattributed')]),
    ).toBe('misattributed');
    expect(claimVerdict([reading('misattributed', 'misattributed')])).toBe('misattributed');
  });
  it('else takes the stated reading closest to its value (ratio nearest 1)', () => {
    expect(claimVerdict([reading('overstated', 'stated', 3), reading('understated', 'stated', 0.8)])).toBe(
      'understated',
    );
  });
  it('is no_data without a stated reading with data (a misattributed reading out of tolerance says nothing)', () => {
    expect(claimVerdict([reading('no_data'), reading('overstated', 'misattributed', 4)])).toBe('no_data');
    expect(claimVerdict([])).toBe('no_data');
  });
});

describe('bornOut', () => {
  it('asserts: only a supported claim is borne out; disputes: the doubt is borne out unless supported', () => {
    expect(bornOut('supported', 'asserts')).toBe(true);
    expect(bornOut('misattributed', 'asserts')).toBe(false);
    expect(bornOut('overstated', 'asserts')).toBe(false);
    expect(bornOut('supported', 'disputes')).toBe(false);
    expect(bornOut('overstated', 'disputes')).toBe(true);
    expect(bornOut('misattributed', 'disputes')).toBe(true);
    expect(bornOut('no_data', 'disputes')).toBeNull();
  });
});

describe('claimFindings', () => {
  const ESSAY = 'First the record of 102 tonnes.\nThen, "14 percent GNP growth" is\n  preposterous.';
  const growth = measure('growth.reconstructed', { unit: 'percent_per_year', tolerance: 0.1 });
  const official = measure('growth.official', { unit: 'percent_per_year', tolerance: 0.1 });
  const tonnes = measure('record', { tolerance: 0.02 });
  const read = (c: Claim, extra: Partial<Claim>, line: number): Claim => ({
    ...c,
    ...extra,
    ref: `claims.csv:${line}`,
  });
  const claims = [
    // In claims.csv the GNP claim comes first; the essay makes it second.
    read(
      claim('gnp-official', 'growth.official', 14, '1928..1940'),
      {
        claim: 'gnp',
        as: 'misattributed',
        stance: 'disputes',
        quote: '"14 percent GNP growth" is preposterous',
      },
      2,
    ),
    read(
      claim('gnp-reconstructed', 'growth.reconstructed', 14, '1928..1940'),
      { claim: 'gnp', stance: 'disputes', quote: '"14 percent GNP growth"' },
      3,
    ),
    read(claim('record', 'record', 102, '1935'), { quote: 'record of 102 tonnes' }, 4),
    read(claim('night', 'record', 1, '1999'), {}, 5),
  ];
  const result = reconcile(
    input({
      sources: [source('gosplan', 'official'), source('bergson'), source('allen'), source('pravda')],
      measures: [growth, official, tonnes],
      observations: [
        obs('gosplan', 'growth.official', '1928..1940', 13.9),
        obs('bergson', 'growth.reconstructed', '1928..1940', 4.8, { low: 3, high: 6 }),
        obs('allen', 'growth.reconstructed', '1928..1940', 5.3),
        obs('pravda', 'record', '1935', 102),
      ],
      claims,
    }),
  );
  const findings = claimFindings({
    claims,
    verdicts: result.claims,
    reconciled: result.reconciled,
    essay: ESSAY,
  });

  it('gives one finding per claim, in the essay’s order, unquoted claims last in claims.csv order', () => {
    expect(findings.map((f) => f.claim)).toEqual(['record', 'gnp', 'night']);
    expect(findings[0]?.order).toBe(ESSAY.indexOf('record of'));
    // Two quotes at the same place: the first reading's, in claims.csv order.
    expect(findings[1]?.quote).toBe('"14 percent GNP growth" is preposterous');
  });

  it('puts the readings under their claim in claims.csv order, with as, summary and n_sources', () => {
    const gnp = findings[1];
    expect(gnp?.readings.map((r) => [r.claim_id, r.as, r.verdict, r.n_sources])).toEqual([
      ['gnp-official', 'misattributed', 'misattributed', 1],
      ['gnp-reconstructed', 'stated', 'overstated', 2],
    ]);
  });

  it('bears out a doubt that every reconstruction refutes, though the official index gives the figure', () => {
    expect(findings[1]).toMatchObject({ stance: 'disputes', verdict: 'misattributed', bornOut: true });
    expect(findings[0]).toMatchObject({ stance: 'asserts', verdict: 'supported', bornOut: true });
    expect(findings[2]).toMatchObject({ verdict: 'no_data', bornOut: null, quote: '' });
    expect(findings[2]?.readings[0]?.n_sources).toBe(0);
  });

  it('orders by claims.csv without an essay', () => {
    const plain = claimFindings({
      claims,
      verdicts: result.claims,
      reconciled: result.reconciled,
      essay: null,
    });
    expect(plain.map((f) => [f.claim, f.order])).toEqual([
      ['gnp', 0],
      ['record', 2],
      ['night', 3],
    ]);
  });
});
