// Annual physical output (coal, steel, … in one unit) as lines, with the five-year-plan periods shaded.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity, unitText } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import {
  type ChartSpec,
  dominantUnit,
  isSingleYear,
  measureLabel,
  rowsWithPrefix,
  sourceIdsOf,
} from './chart-data.ts';
import { CHART_WIDTH, facetHeader, MUTED, PALETTE, SHADE } from './theme.ts';

const ID = 'output';
const MIN_YEARS = 3;

/**
 * The plan periods are the chart's frame, not figures of the dataset: the first plan ran 1928–32 (done
 * "in four years"), the second 1933–37, the third 1938 until the German invasion in 1941.
 */
export const PLAN_PERIODS = [
  { name: '1st plan', start: 1928, end: 1932 },
  { name: '2nd plan', start: 1933, end: 1937 },
  { name: '3rd plan', start: 1938, end: 1941 },
] as const;

export function buildOutputChart(data: ReportData): ChartSpec | null {
  const all = rowsWithPrefix(data, 'output.').filter(isSingleYear);
  const unit = dominantUnit(all);
  // A series needs three years to show a course; shorter ones (one ore figure, one year of a mine type)
  // would each take a near-empty panel, and are read in the table.
  const inUnit = all.filter((r) => r.unit === unit);
  const years = new Map<string, number>();
  for (const r of inUnit) years.set(r.measure_id, (years.get(r.measure_id) ?? 0) + 1);
  const rows = inUnit.filter((r) => (years.get(r.measure_id) ?? 0) >= MIN_YEARS);
  if (!unit || rows.length < 2) return null;
  const omitted = new Set(inUnit.filter((r) => !rows.includes(r)).map((r) => r.measure_id)).size;
  const points = rows.map((r) => ({
    kind: 'point',
    series: measureLabel(data, r.measure_id),
    year: Number(r.period_start),
    value: r.value,
    unverified: r.unverified > 0 ? 'unverified' : 'verified',
  }));
  const first = Math.min(...points.map((p) => p.year));
  const last = Math.max(...points.map((p) => p.year));
  const series = [...new Set(points.map((p) => p.series))].sort();
  // Shade only the part of each plan inside the plotted years (a 1913 point stretches the axis);
  // alternate plans are shaded so that neighbouring periods stay apart.
  const plans = PLAN_PERIODS.map((p, i) => ({ ...p, shaded: i % 2 === 0 }))
    .filter((p) => p.end >= first && p.start <= last)
    .map((p) => ({
      name: p.name,
      start: Math.max(p.start, first) - 0.5,
      end: Math.min(p.end, last) + 0.5,
      mid: (Math.max(p.start, first) + Math.min(p.end, last)) / 2,
      shaded: p.shaded,
    }));
  // One panel per series (coal dwarfs steel on a shared axis); the plan periods repeat in each panel.
  const values = [
    ...series.flatMap((name) => plans.map((p) => ({ kind: 'plan', series: name, ...p }))),
    ...points,
  ];
  const x = {
    field: 'year',
    type: 'quantitative' as const,
    title: null,
    scale: { domain: [first - 0.5, last + 0.5], nice: false, zero: false },
    axis: { format: 'd', tickMinStep: 1, grid: false, labelExpr: 'datum.value % 2 === 0 ? datum.label : ""' },
  };
  const pointLayer = (status: string, filled: boolean) => ({
    transform: [{ filter: `datum.kind === 'point' && datum.unverified === '${status}'` }],
    mark: {
      type: 'point' as const,
      shape: 'circle',
      size: 28,
      strokeWidth: 1.3,
      opacity: 1,
      filled,
      color: PALETTE[0],
    },
    encoding: { x, y: { field: 'value', type: 'quantitative' as const } },
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Annual output',
      subtitle: `Official series, ${unitText(unit)}; five-year-plan periods shaded; hollow: unverified${
        omitted > 0 ? `; ${omitted} shorter series in the table` : ''
      }`,
    },
    data: { values },
    facet: {
      row: {
        field: 'series',
        type: 'nominal',
        sort: series,
        title: null,
        header: facetHeader(2),
      },
    },
    spacing: 12,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: CHART_WIDTH,
      height: 110,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'plan' && datum.shaded" }],
          mark: { type: 'rect', color: SHADE, opacity: 0.8 },
          encoding: { x: { field: 'start', type: 'quantitative', scale: x.scale }, x2: { field: 'end' } },
        },
        {
          transform: [{ filter: "datum.kind === 'plan'" }],
          mark: { type: 'text', baseline: 'top', dy: 3, color: MUTED, fontSize: 10 },
          encoding: {
            x: { field: 'mid', type: 'quantitative' },
            y: { value: 0 },
            text: { field: 'name', type: 'nominal' },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'point'" }],
          mark: { type: 'line', color: PALETTE[0] },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', title: unitText(unit), scale: { zero: true } },
          },
        },
        pointLayer('verified', true),
        pointLayer('unverified', false),
      ],
    },
  } as unknown as TopLevelSpec;
  const unverified = points.filter((p) => p.unverified === 'unverified').length;
  return {
    id: ID,
    title: 'Annual output',
    description:
      `Lines for ${series.length} output series (${series.join(', ')}), ${first}–${last}, in ` +
      `${unitText(unit)}; highest value ${formatQuantity(Math.max(...points.map((p) => p.value)), unit)}. ` +
      `${unverified} of ${points.length} points are unverified.`,
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified: unverified > 0,
  };
}
