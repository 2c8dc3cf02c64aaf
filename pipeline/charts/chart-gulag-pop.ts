// Gulag population on a date, one series per scope (camps only, camps + colonies, all places, the museum
// series): the scopes are different measures and are never merged.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity, periodToYear } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import { type ChartSpec, measureLabel, periodText, rowsWithPrefix, sourceIdsOf } from './chart-data.ts';
import { CHART_WIDTH } from './theme.ts';

const ID = 'gulag-pop';
/** Measures that split a scope (men, women, sex not recorded) rather than define one. */
const BREAKDOWN = /-(?:men|women|sex-unrecorded)$/;

export function buildGulagPopChart(data: ReportData): ChartSpec | null {
  // Stocks are counted on a date; a span is not a stock, so it is left to the table.
  const dated = rowsWithPrefix(data, 'gulag-pop.').filter(
    (r) =>
      r.unit === 'persons' &&
      r.period_start === r.period_end &&
      Number.isFinite(periodToYear(r.period_start)),
  );
  // One line per scope: breakdowns of a scope (by sex) and one-date figures are read in the table, so the
  // legend stays short enough to tell the lines apart.
  const dates = new Map<string, number>();
  for (const r of dated) dates.set(r.measure_id, (dates.get(r.measure_id) ?? 0) + 1);
  const rows = dated.filter((r) => !BREAKDOWN.test(r.measure_id) && (dates.get(r.measure_id) ?? 0) >= 2);
  if (rows.length === 0) return null;
  const omitted = new Set(dated.filter((r) => !rows.includes(r)).map((r) => r.measure_id)).size;
  const points = rows.map((r) => ({
    series: measureLabel(data, r.measure_id),
    x: periodToYear(r.period_start),
    date: periodText(r),
    value: r.value,
    low: r.low,
    high: r.high,
    unverified: r.unverified > 0 ? 'unverified' : 'verified',
  }));
  const series = [...new Set(points.map((p) => p.series))].sort();
  const xs = points.map((p) => p.x);
  const first = Math.floor(Math.min(...xs));
  const last = Math.ceil(Math.max(...xs));
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: null,
    scale: { domain: [first - 0.5, last + 0.5], nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1 },
  };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    sort: series,
    legend: { orient: 'bottom' as const, direction: 'vertical' as const, columns: 2, labelLimit: 250 },
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH,
    height: 260,
    title: {
      text: 'Gulag population by scope',
      subtitle: `Persons held on a date; each scope is its own series; hollow: unverified${
        omitted > 0 ? `; ${omitted} breakdowns and one-date series in the table` : ''
      }`,
    },
    data: { values: points },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.5 },
        encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color },
      },
      {
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: 'persons', axis: { format: '~s' } },
          color,
        },
      },
      ...(['verified', 'unverified'] as const).map((status) => ({
        transform: [{ filter: `datum.unverified === '${status}'` }],
        mark: {
          type: 'point' as const,
          shape: 'circle',
          size: 30,
          strokeWidth: 1.3,
          opacity: 1,
          filled: status === 'verified',
        },
        encoding: { x, y: { field: 'value', type: 'quantitative' as const }, color },
      })),
    ],
  };
  const top = [...points].sort((a, b) => b.value - a.value)[0]!;
  return {
    id: ID,
    title: 'Gulag population by scope',
    description:
      `Lines for ${series.length} population series (${series.join('; ')}), ${first}–${last}. ` +
      `Highest: ${formatQuantity(top.value, 'persons')} (${top.series}, ${top.date}).`,
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified: points.some((p) => p.unverified === 'unverified'),
  };
}
