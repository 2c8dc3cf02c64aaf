// The chart requests the chart tests render against the fixture: this subject's charts as kind + measure
// pattern + options (the same requests report/index.md's {{chart}} directives make). Test data only: the
// engine keeps no list of a subject's measures.

import type { ChartOutput, ReportData } from '../../pipeline/core/types.ts';
import {
  type ChartKind,
  type ChartRequest,
  checkChartRequest,
  renderChart,
} from '../../pipeline/report/charts/kinds.ts';

export interface ChartEntry {
  id: string;
  /** The report section id the chart is printed in. */
  section: string;
  kind: ChartKind;
  /** Measure ids, comma-separated, `*` for any characters (as in the directive). */
  pattern: string;
  title: string;
  period?: string;
  options: Record<string, string>;
}

export const CHARTS: readonly ChartEntry[] = [
  {
    id: 'record',
    section: 'record',
    kind: 'bars',
    pattern:
      'record.stakhanov-usual-output,record.norm-tonnes,record.stakhanov-tonnes,record.diakonov-1935,record.koltsedanov-1935,record.stakhanov-sep-1935-first,record.stakhanov-sep-1935,record.izotov-1935-09-11,record.izotov-1936-02-01,record.stakhanov-1937-03-05',
    title: 'Record shifts against the norm',
    options: {},
  },
  {
    id: 'record-multiple',
    section: 'record',
    kind: 'forest',
    pattern: 'record.*-multiple-stated,record.*-norms',
    title: 'Times the norm: stated and computed',
    options: { reference: 'record.stakhanov-multiple' },
  },
  {
    id: 'plan2',
    section: 'plan2',
    kind: 'bars',
    pattern: 'plan2.target.*',
    title: 'Plan targets and outcomes',
    options: { pair: 'plan2.target.*:plan2.outcome.*|output.*', names: 'target:outcome', units: 'Mt,bn_kWh' },
  },
  {
    id: 'plan2-change',
    section: 'plan2',
    kind: 'bars',
    pattern: 'plan2.target.*',
    title: 'Planned and reported change',
    options: {
      pair: 'target:outcome',
      as: 'side',
      names: 'planned:reported',
      units: 'percent,percent_per_year,multiple',
    },
  },
  {
    id: 'output',
    section: 'output',
    kind: 'series',
    pattern: 'output.*',
    title: 'Annual output',
    options: { 'min-points': '3', bands: '1928-1932:1st plan,1933-1937:2nd plan,1938-1941:3rd plan' },
  },
  {
    id: 'growth',
    section: 'growth',
    kind: 'forest',
    pattern:
      'growth.national-income-official-rate,growth.national-income-jasny-rate,growth.national-income-khanin-rate*,growth.national-income-bergson-rate,growth.bergson-implied-rate,growth.allen-unspecified-rate,growth.gdp-maddison-rate-*,growth.gdp-claim-galushka',
    title: 'National income and GDP: yearly growth by source',
    options: { panels: 'one', units: 'percent_per_year' },
  },
  {
    id: 'growth-per-head',
    section: 'growth',
    kind: 'forest',
    pattern: 'growth.*-per-capita-*rate*',
    title: 'National income and GDP per head: yearly growth',
    options: { panels: 'one', units: 'percent_per_year' },
  },
  {
    id: 'growth-industry',
    section: 'growth',
    kind: 'forest',
    pattern: 'growth.industry-*rate*',
    title: 'Industrial output: yearly growth, official and recalculated',
    options: { panels: 'one', units: 'percent_per_year' },
  },
  {
    id: 'gulag-pop',
    section: 'gulag',
    kind: 'series',
    pattern:
      'gulag-pop.camps,gulag-pop.camps-colonies,gulag-pop.colonies,gulag-pop.all-places,gulag-pop.museum',
    title: 'Prisoners held, by scope',
    options: { units: 'persons' },
  },
  {
    id: 'gulag-deaths',
    section: 'gulag',
    kind: 'series',
    pattern: 'gulag-deaths.yearly,gulag-deaths.museum-yearly,gulag-deaths.rate',
    title: 'Deaths in the camps, by year',
    options: { mark: 'bar', 'min-points': '3' },
  },
  {
    id: 'forest-excess',
    section: 'human-cost',
    kind: 'forest',
    pattern: 'excess-deaths.*',
    title: 'Excess deaths, by source and definition',
    options: { 'min-sources': '2' },
  },
  {
    id: 'forest-famine',
    section: 'human-cost',
    kind: 'forest',
    pattern: 'famine.*',
    title: 'Famine deaths, by source and territory',
    options: { 'min-sources': '2' },
  },
  {
    id: 'forest-repression',
    section: 'human-cost',
    kind: 'forest',
    pattern: 'repression.*',
    title: 'The mass operations of 1937–1938, by source',
    period: '1937-1938',
    options: { 'min-sources': '2' },
  },
  {
    id: 'forest-repression-1921',
    section: 'human-cost',
    kind: 'forest',
    pattern: 'repression.*',
    title: 'Sentences and executions 1921–1953, by source',
    period: '1921-1953',
    options: { 'min-sources': '2' },
  },
];

/** Measure ids matching a comma-separated pattern, each part in turn, in measures.csv order within a part. */
export function expandPattern(pattern: string, data: ReportData): string[] {
  const ids = data.measures.map((m) => m.measure_id);
  const out: string[] = [];
  for (const part of pattern.split(',').map((p) => p.trim())) {
    const re = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    for (const id of ids) if (re.test(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

export function requestOf(entry: ChartEntry, data: ReportData): ChartRequest {
  return {
    id: entry.id,
    kind: entry.kind,
    measures: expandPattern(entry.pattern, data),
    title: entry.title,
    ...(entry.period === undefined ? {} : { period: entry.period }),
    options: entry.options,
  };
}

/** Every request of the list whose data the fixture holds, rendered (the charts stage renders a report's). */
export async function buildCharts(data: ReportData): Promise<ChartOutput[]> {
  const requests = CHARTS.map((entry) => requestOf(entry, data)).filter(
    (req) => checkChartRequest(req, data) === null,
  );
  return Promise.all(requests.map((req) => renderChart(req, data)));
}
