// Deaths in the Gulag by year: the main yearly series as bars (other yearly series of other scopes as
// dots on top), and the mortality rate in a second panel with the same years.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity } from '../html/format-quantity.ts';
import type { ReconciledRow, ReportData } from '../types.ts';
import { type ChartSpec, isSingleYear, measureLabel, rowsWithPrefix, sourceIdsOf } from './chart-data.ts';
import { CHART_WIDTH, PALETTE } from './theme.ts';

const ID = 'gulag-deaths';

function bySeries(rows: ReconciledRow[]): Map<string, ReconciledRow[]> {
  const map = new Map<string, ReconciledRow[]>();
  for (const r of rows) map.set(r.measure_id, [...(map.get(r.measure_id) ?? []), r]);
  return map;
}

export function buildGulagDeathsChart(data: ReportData): ChartSpec | null {
  const yearly = rowsWithPrefix(data, 'gulag-deaths.').filter(isSingleYear);
  const persons = bySeries(yearly.filter((r) => r.unit === 'persons'));
  const rates = yearly.filter((r) => r.unit === 'percent');
  // The main series: `gulag-deaths.yearly` by convention, else the longest persons series.
  const mainId =
    [...persons.keys()].find((id) => id === 'gulag-deaths.yearly') ??
    [...persons].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]?.[0];
  const main = mainId ? (persons.get(mainId) ?? []) : [];
  if (main.length < 2 && rates.length < 2) return null;
  const others = [...persons].filter(([id]) => id !== mainId).flatMap(([, rs]) => rs);
  const plotted = [...main, ...others, ...rates];
  const years = [...new Set(plotted.map((r) => Number(r.period_start)))].sort((a, b) => a - b);
  const x = {
    field: 'year',
    type: 'ordinal' as const,
    title: null,
    scale: { domain: years },
    axis: { labelAngle: 0, labelExpr: 'datum.value % 5 === 0 ? datum.label : ""' },
  };
  const point = (r: ReconciledRow) => ({
    year: Number(r.period_start),
    value: r.value,
    series: measureLabel(data, r.measure_id),
    unverified: r.unverified > 0 ? 'unverified' : 'verified',
  });
  const panels: TopLevelSpec[] = [];
  if (main.length > 0) {
    panels.push({
      width: CHART_WIDTH,
      height: 180,
      title: { text: 'Deaths per year', fontSize: 12, font: 'PT Sans, Helvetica, Arial, sans-serif' },
      layer: [
        {
          data: { values: main.map(point) },
          mark: { type: 'bar', color: PALETTE[0] },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', title: 'persons', axis: { format: '~s' } },
            fillOpacity: {
              field: 'unverified',
              type: 'nominal',
              scale: { domain: ['verified', 'unverified'], range: [1, 0.35] },
              legend: null,
            },
          },
        },
        ...(others.length > 0
          ? [
              {
                data: { values: others.map(point) },
                mark: { type: 'point' as const, shape: 'diamond', size: 40, filled: true, opacity: 1 },
                encoding: {
                  x,
                  y: { field: 'value', type: 'quantitative' as const },
                  color: {
                    field: 'series',
                    type: 'nominal' as const,
                    title: null,
                    scale: { range: [PALETTE[1], PALETTE[3], PALETTE[6]] },
                  },
                },
              },
            ]
          : []),
      ],
    } as TopLevelSpec);
  }
  if (rates.length > 0) {
    panels.push({
      width: CHART_WIDTH,
      height: 110,
      title: {
        text: measureLabel(data, rates[0]!.measure_id),
        fontSize: 12,
        font: 'PT Sans, Helvetica, Arial, sans-serif',
      },
      data: { values: rates.map(point) },
      layer: [
        {
          mark: { type: 'line', color: PALETTE[1] },
          encoding: { x, y: { field: 'value', type: 'quantitative', title: '%' } },
        },
        {
          mark: { type: 'point', shape: 'circle', size: 22, color: PALETTE[1], opacity: 1 },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative' },
            fill: {
              condition: { test: "datum.unverified === 'unverified'", value: '#ffffff' },
              value: PALETTE[1],
            },
          },
        },
      ],
    } as TopLevelSpec);
  }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Deaths in the Gulag',
      subtitle: 'By year; mortality as % of the average population below',
    },
    vconcat: panels,
    spacing: 18,
  } as TopLevelSpec;
  const peak = [...main].sort((a, b) => b.value - a.value)[0];
  return {
    id: ID,
    title: 'Deaths in the Gulag',
    description:
      (mainId && peak
        ? `Bars for ${main.length} years of ${measureLabel(data, mainId)}, highest ${formatQuantity(peak.value, 'persons')} in ${peak.period_start}. `
        : '') +
      (rates.length > 0 ? `A second panel shows the yearly mortality rate for ${rates.length} years.` : ''),
    spec,
    sourceIds: sourceIdsOf(plotted),
    hasUnverified: plotted.some((r) => r.unverified > 0),
  };
}
