import { describe, expect, it } from 'vitest';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { claim, input, measure, obs, priority, ratio, source } from './fixtures.ts';

describe('reconcile: median and priority rows', () => {
  it('counts a source once and reports every column', () => {
    const r = reconcile(
      input({
        sources: [source('a'), source('b'), source('c')],
        measures: [measure('m', { tolerance: 0.02 })],
        observations: [
          obs('a', 'm', '1935', 100),
          obs('a', 'm', '1935', 104, { status: 'unverified' }),
          obs('b', 'm', '1935', 102),
          obs('c', 'm', '1935', 120, { low: 110, high: 130 }),
        ],
      }),
    );
    expect(r.reconciled).toEqual([
      {
        measure_id: 'm',
        period_start: '1935',
        period_end: '1935',
        value: 102,
        low: 100,
        high: 130,
        unit: 't',
        method: 'median',
        n_sources: 3,
        agreement: 'contested',
        sources: ['a', 'b', 'c'],
        outliers: ['c'],
        unverified: 1,
        // What a claim is judged on: the agreeing sources a and b, not the outlier c's 110–130.
        support: { low: 100, high: 104 },
      },
    ]);
    expect(r.audit[0]?.used.map((u) => u.ref)).toHaveLength(4);
    expect(r.audit[0]?.explanation).toBe(
      'Median of 3 sources (a 102, b 102, c 120 t) = 102 t; range 100–130 t; outside ±2 %: c (120). ' +
        'a counted once: median of its 2 figures (100, 104) = 102, range 100–104 t.',
    );
  });

  it('sets aside sources of lower priority, still counting them in n_sources and sources', () => {
    const r = reconcile(
      input({
        sources: [source('arch', 'archival'), source('pop', 'popular'), source('sch', 'scholarly')],
        measures: [measure('m', { method: priority('archival', 'scholarly') })],
        observations: [
          obs('arch', 'm', '1937', 10),
          obs('pop', 'm', '1937', 99),
          obs('sch', 'm', '1937', 12),
        ],
      }),
    );
    expect(r.reconciled[0]).toMatchObject({
      value: 10,
      low: 10,
      high: 10,
      n_sources: 3,
      // Judged over every source, those set aside too: pop (99) and sch (12) are outside ±10 % of 10.
      agreement: 'contested',
      sources: ['arch', 'pop', 'sch'],
      outliers: ['pop', 'sch'],
    });
    expect(r.reconciled[0]?.support).toBeUndefined();
    expect(r.audit[0]?.set_aside.map((s) => [s.source_id, s.reason])).toEqual([
      ['pop', 'priority:archival>scholarly: popular source set aside because archival sources exist'],
      ['sch', 'priority:archival>scholarly: scholarly source set aside because archival sources exist'],
    ]);
  });

  it('uses every source when no listed kind is present', () => {
    const r = reconcile(
      input({
        sources: [source('p', 'popular'), source('q', 'memoir')],
        measures: [measure('m', { method: priority('archival') })],
        observations: [obs('p', 'm', '1937', 10), obs('q', 'm', '1937', 20)],
      }),
    );
    expect(r.reconciled[0]).toMatchObject({ value: 15, low: 10, high: 20, agreement: 'contested' });
    expect(r.audit[0]?.set_aside).toEqual([]);
    expect(r.audit[0]?.explanation).toMatch(
      /^Priority archival: no archival source, so every source is used\./,
    );
  });

  it('sorts rows by measure and period and keeps the audit in the same order', () => {
    const r = reconcile(
      input({
        sources: [source('a')],
        measures: [measure('b'), measure('a')],
        observations: [
          obs('a', 'b', '1937', 1),
          obs('a', 'a', '1937', 1),
          obs('a', 'a', '1933..1937', 1),
          obs('a', 'a', '1933', 1),
        ],
      }),
    );
    const keys = r.reconciled.map((x) => `${x.measure_id} ${x.period_start} ${x.period_end}`);
    expect(keys).toEqual(['a 1933 1933', 'a 1933 1937', 'a 1937 1937', 'b 1937 1937']);
    expect(r.audit.map((x) => `${x.measure_id} ${x.period_start} ${x.period_end}`)).toEqual(keys);
  });
});

describe('reconcile: defensive checks', () => {
  it('is fatal for an observation of an unknown source or measure', () => {
    const r = reconcile(
      input({
        sources: [source('a')],
        measures: [measure('m')],
        observations: [
          obs('ghost', 'm', '1937', 1, { ref: 'observations/ghost.csv:2' }),
          obs('a', 'nope', '1937', 1),
        ],
      }),
    );
    expect(r.problems.map((p) => `${p.kind}:${p.code}`).sort()).toEqual([
      'fatal:unknown-measure',
      'fatal:unknown-source',
    ]);
  });

  it('warns and ignores figures transcribed for a derived measure', () => {
    const r = reconcile(
      input({
        sources: [source('a')],
        measures: [measure('x'), measure('y'), measure('q', { method: ratio('x', 'y') })],
        observations: [obs('a', 'x', '1937', 4), obs('a', 'y', '1937', 2), obs('a', 'q', '1937', 14)],
      }),
    );
    expect(r.problems).toMatchObject([{ kind: 'warning', code: 'derived-has-observations' }]);
    expect(r.reconciled.find((x) => x.measure_id === 'q')?.value).toBe(2);
  });

  it('is fatal for a claim on an unknown measure', () => {
    const r = reconcile(input({ claims: [claim('c', 'nope', 1)] }));
    expect(r.claims[0]?.verdict).toBe('no_data');
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'unknown-measure' }]);
  });

  it('returns empty results for empty input', () => {
    expect(reconcile(input({}))).toEqual({ reconciled: [], claims: [], audit: [], problems: [] });
  });
});
