// Builders for reconcile inputs, and a small conflict fixture used by the golden tests.

import type {
  Claim,
  Kind,
  Measure,
  Method,
  Observation,
  ReconciledRow,
  Source,
  Unit,
} from '../../pipeline/core/types.ts';
import type { ReconcileInput } from '../../pipeline/data/reconcile/reconcile.ts';

export function source(source_id: string, kind: Kind = 'scholarly'): Source {
  return {
    source_id,
    author: source_id,
    title: `Title of ${source_id}`,
    year: '1990',
    kind,
    publisher: '',
    url: '',
    locale: 'en',
    notes: '',
    ref: `sources.csv:${source_id.length + 1}`,
  };
}

function methodText(method: Method): string {
  switch (method.type) {
    case 'median':
      return 'median';
    case 'priority':
      return `priority:${method.order.join('>')}`;
    case 'ratio':
      return `ratio:${method.numerator}/${method.denominator}`;
    case 'cagr':
      return method.start === undefined
        ? `cagr:${method.measure}`
        : `cagr:${method.measure}@${method.start}/${method.end}`;
  }
}

export function measure(
  measure_id: string,
  opts: { unit?: Unit; method?: Method; tolerance?: number; line?: number } = {},
): Measure {
  const method = opts.method ?? { type: 'median' };
  return {
    measure_id,
    label: measure_id,
    unit: opts.unit ?? 't',
    definition: `Definition of ${measure_id}`,
    method,
    method_text: methodText(method),
    tolerance: opts.tolerance ?? 0.1,
    ref: `measures.csv:${opts.line ?? 2}`,
  };
}

export const ratio = (numerator: string, denominator: string): Method => ({
  type: 'ratio',
  numerator,
  denominator,
});
export const cagr = (m: string, start?: number, end?: number): Method =>
  start === undefined
    ? { type: 'cagr', measure: m }
    : { type: 'cagr', measure: m, start, end: end as number };
export const priority = (...order: Kind[]): Method => ({ type: 'priority', order });

let nextLine = 2;

/** `period` as `1937` or `1933..1937`; a range when low/high are given. */
export function obs(
  source_id: string,
  measure_id: string,
  period: string,
  value: number,
  opts: Partial<Pick<Observation, 'low' | 'high' | 'qualifier' | 'status' | 'unit' | 'raw' | 'ref'>> = {},
): Observation {
  const [period_start, period_end = period_start] = period.split('..') as [string, string?];
  const isRange = opts.low !== undefined || opts.high !== undefined;
  return {
    source_id,
    measure_id,
    period_start,
    period_end,
    value,
    low: opts.low ?? value,
    high: opts.high ?? value,
    unit: opts.unit ?? 't',
    qualifier: opts.qualifier ?? (isRange ? 'range' : 'exact'),
    status: opts.status ?? 'verified',
    page: '',
    raw: opts.raw ?? (isRange ? `${opts.low}–${opts.high}` : String(value)),
    ref: opts.ref ?? `observations/${source_id}.csv:${nextLine++}`,
    note: '',
  };
}

export function claim(claim_id: string, measure_id: string, claimed: number, period = ''): Claim {
  const [period_start = '', period_end = period_start] =
    period === '' ? [] : (period.split('..') as [string, string?]);
  return {
    claim_id,
    measure_id,
    period_start,
    period_end,
    claimed,
    claimed_raw: String(claimed),
    summary: '',
    claim: claim_id,
    quote: '',
    as: 'stated',
    stance: 'asserts',
    ref: `claims.csv:${claim_id.length}`,
  };
}

export function input(partial: Partial<ReconcileInput>): ReconcileInput {
  return { sources: [], measures: [], observations: [], claims: [], ...partial };
}

/**
 * A small dataset with every kind of conflict: agreeing and disagreeing sources, one source giving two
 * figures, priority with and without a listed kind, a ratio, a chain, both forms of cagr, and claims
 * of every verdict. Refs are fixed so the golden files do not depend on build order.
 */
export function conflictFixture(): ReconcileInput {
  const sources = [
    source('garf-1938', 'archival'),
    source('zemskov-1991', 'scholarly'),
    source('conquest-1968', 'scholarly'),
    source('solzhenitsyn-1973', 'memoir'),
    source('pravda-1935', 'propaganda'),
    source('siegelbaum-1988', 'scholarly'),
    source('gosplan-1939', 'official'),
    source('maddison-2020', 'reference'),
    source('khanin-1991', 'scholarly'),
  ];
  const measures = [
    measure('record.stakhanov-tonnes', { unit: 't', tolerance: 0.02, line: 2 }),
    measure('record.norm-tonnes', { unit: 't', line: 3 }),
    measure('record.stakhanov-multiple', {
      unit: 'multiple',
      method: ratio('record.stakhanov-tonnes', 'record.norm-tonnes'),
      line: 4,
    }),
    measure('record.multiple-per-hour', {
      unit: 'multiple',
      method: ratio('record.stakhanov-multiple', 'record.duration'),
      line: 5,
    }),
    measure('record.duration', { unit: 'hours', line: 6 }),
    measure('gulag-pop.camps', {
      unit: 'persons',
      method: priority('archival', 'scholarly'),
      line: 7,
    }),
    measure('gulag-pop.colonies', { unit: 'persons', method: priority('archival'), line: 8 }),
    measure('output.coal', { unit: 'Mt', method: priority('official'), tolerance: 0.05, line: 9 }),
    measure('growth.coal-rate-1928-1937', {
      unit: 'percent_per_year',
      method: cagr('output.coal', 1928, 1937),
      line: 10,
    }),
    measure('growth.national-income-official-multiple', { unit: 'multiple', line: 11 }),
    measure('growth.national-income-official-rate', {
      unit: 'percent_per_year',
      method: cagr('growth.national-income-official-multiple'),
      line: 12,
    }),
  ];
  let line = 1;
  const at = (file: string) => `observations/${file}.csv:${++line}`;
  const o = (s: string, m: string, p: string, v: number, opts: Parameters<typeof obs>[4] = {}) =>
    obs(s, m, p, v, { ref: at(s), ...opts });
  const observations = [
    o('pravda-1935', 'record.stakhanov-tonnes', '1935-08-31', 102, { raw: '102 tonnes' }),
    o('siegelbaum-1988', 'record.stakhanov-tonnes', '1935-08-31', 102),
    o('conquest-1968', 'record.stakhanov-tonnes', '1935-08-31', 102, {
      qualifier: 'approx',
      raw: 'about 102 t',
    }),
    o('solzhenitsyn-1973', 'record.stakhanov-tonnes', '1935-08-31', 105, { status: 'unverified' }),
    o('pravda-1935', 'record.norm-tonnes', '1935-08-31', 7),
    o('siegelbaum-1988', 'record.norm-tonnes', '1935-08-31', 6.5, { low: 6, high: 7, raw: '6–7 t' }),
    o('pravda-1935', 'record.duration', '1935-08-31', 5.75, { unit: 'hours', raw: '5 h 45 min' }),
    o('siegelbaum-1988', 'record.duration', '1935-08-31', 6, { unit: 'hours', raw: '6 hours' }),
    o('garf-1938', 'gulag-pop.camps', '1938-01-01', 996367, { unit: 'persons' }),
    o('zemskov-1991', 'gulag-pop.camps', '1938-01-01', 996367, { unit: 'persons' }),
    o('conquest-1968', 'gulag-pop.camps', '1938-01-01', 7000000, { unit: 'persons', qualifier: 'approx' }),
    o('zemskov-1991', 'gulag-pop.camps', '1939-01-01', 1317195, { unit: 'persons' }),
    o('conquest-1968', 'gulag-pop.camps', '1939-01-01', 8000000, { unit: 'persons', qualifier: 'at_least' }),
    o('zemskov-1991', 'gulag-pop.colonies', '1939-01-01', 355243, { unit: 'persons' }),
    o('zemskov-1991', 'gulag-pop.colonies', '1939-01-01', 355000, { unit: 'persons', qualifier: 'approx' }),
    o('gosplan-1939', 'output.coal', '1928', 35.5, { unit: 'Mt' }),
    o('gosplan-1939', 'output.coal', '1937', 128, { unit: 'Mt' }),
    o('khanin-1991', 'output.coal', '1937', 110, { unit: 'Mt', low: 100, high: 120, raw: '100–120 Mt' }),
    o('maddison-2020', 'output.coal', '1932', 64.4, { unit: 'Mt' }),
    o('gosplan-1939', 'growth.national-income-official-multiple', '1928..1940', 5.5, { unit: 'multiple' }),
    o('khanin-1991', 'growth.national-income-official-multiple', '1928..1940', 1.5, {
      unit: 'multiple',
      low: 1.3,
      high: 1.7,
      status: 'unverified',
    }),
  ];
  const claims = [
    claim('c01-record', 'record.stakhanov-tonnes', 102, '1935-08-31'),
    claim('c02-multiple', 'record.stakhanov-multiple', 14, '1935-08-31'),
    claim('c03-multiple-high', 'record.stakhanov-multiple', 20, '1935-08-31'),
    claim('c04-camps', 'gulag-pop.camps', 500000, '1938-01-01'),
    claim('c05-no-period', 'growth.national-income-official-rate', 15),
    claim('c06-no-row', 'output.coal', 150, '1940'),
    claim('c07-ambiguous', 'output.coal', 100),
    claim('c08-two-measures', 'output.coal', 128, '1937'),
    claim('c08-two-measures', 'growth.coal-rate-1928-1937', 15.3, '1928..1937'),
  ];
  return { sources, measures, observations, claims };
}

/** A reconciled row of one source, in t, for one year; `extra` overrides any field. */
export function reconciledRow(
  measure_id: string,
  period: string,
  value: number,
  extra: Partial<ReconciledRow> = {},
): ReconciledRow {
  return {
    measure_id,
    period_start: period,
    period_end: period,
    value,
    low: value,
    high: value,
    unit: 't',
    method: 'median',
    n_sources: 1,
    agreement: 'single',
    sources: ['a'],
    outliers: [],
    unverified: 0,
    ...extra,
  };
}
