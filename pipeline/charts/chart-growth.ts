// Growth rates, official and reconstructed: one row per measure and period (each its own definition),
// the source's range as a line, and the essay's claimed rate as a vertical rule.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import {
  type ChartSpec,
  claimsFor,
  measureLabel,
  periodText,
  rowsWithPrefix,
  sourceIdsOf,
} from './chart-data.ts';
import { figureColumn } from './figure-column.ts';
import { ACCENT, CHART_WIDTH, PALETTE } from './theme.ts';

const ID = 'growth';

export function buildGrowthChart(data: ReportData): ChartSpec | null {
  const rows = rowsWithPrefix(data, 'growth.').filter((r) => r.unit === 'percent_per_year');
  if (rows.length === 0) return null;
  const kindOf = (id: string) => data.sources.find((s) => s.source_id === id)?.kind;
  const points = rows
    .map((r) => {
      const official = r.sources.length > 0 && r.sources.every((s) => kindOf(s) === 'official');
      return {
        // Unique per row; the axis shows the part before the bar, the period goes to the figures column.
        label: `${measureLabel(data, r.measure_id)}|${periodText(r)}`,
        value: r.value,
        low: r.low,
        high: r.high,
        basis: official ? 'official' : 'reconstructed',
        text: `${periodText(r)}: ${formatQuantity(r.value, 'percent_per_year')}`,
        unverified: r.unverified > 0 ? 'unverified' : 'verified',
      };
    })
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const claims = claimsFor(data, rows).map((c) => ({
    x: c.claimed,
    text: `essay: ${formatQuantity(c.claimed, 'percent_per_year')}`,
  }));
  const max = Math.max(...points.map((p) => p.high), ...claims.map((c) => c.x));
  const min = Math.min(0, ...points.map((p) => p.low));
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: points.map((p) => p.label),
    title: null,
    axis: { labelFontSize: 10, labelLimit: 330, labelExpr: "split(datum.label, '|')[0]" },
  };
  const xScale = { domain: [min, Math.ceil(max * 1.1)] };
  // The figures are printed in a column of their own, so that no label crosses a dot or the essay's rule.
  const figures = figureColumn({ y, values: points, width: 130, step: 18, fontSize: 10 });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Growth rates by source and definition',
      subtitle: 'Average % per year, official and reconstructed; line: range; hollow: unverified',
    },
    spacing: 6,
    hconcat: [
      {
        width: CHART_WIDTH - 370,
        height: { step: 18 },
        layer: [
          {
            data: { values: points },
            mark: { type: 'rule', strokeWidth: 2, opacity: 0.6 },
            encoding: {
              y,
              x: { field: 'low', type: 'quantitative', scale: xScale, title: '% per year' },
              x2: { field: 'high' },
              color: {
                field: 'basis',
                type: 'nominal',
                title: null,
                scale: { domain: ['official', 'reconstructed'], range: [PALETTE[1], PALETTE[0]] },
              },
            },
          },
          ...(['verified', 'unverified'] as const).map((status) => ({
            data: { values: points.filter((p) => p.unverified === status) },
            mark: {
              type: 'point' as const,
              shape: 'circle',
              size: 44,
              strokeWidth: 1.5,
              opacity: 1,
              filled: status === 'verified',
            },
            encoding: {
              y,
              x: { field: 'value', type: 'quantitative' as const },
              color: { field: 'basis', type: 'nominal' as const, title: null },
            },
          })),
          ...(claims.length > 0
            ? [
                {
                  data: { values: claims },
                  mark: { type: 'rule' as const, color: ACCENT, strokeDash: [4, 3], strokeWidth: 1.4 },
                  encoding: { x: { field: 'x', type: 'quantitative' as const } },
                },
                {
                  data: { values: claims },
                  mark: {
                    type: 'text' as const,
                    color: ACCENT,
                    align: 'left' as const,
                    baseline: 'bottom' as const,
                    dx: 3,
                    dy: -3,
                    y: { expr: 'height' },
                  },
                  encoding: {
                    x: { field: 'x', type: 'quantitative' as const },
                    text: { field: 'text', type: 'nominal' as const },
                  },
                },
              ]
            : []),
        ],
      },
      figures,
    ],
  } as unknown as TopLevelSpec;
  const official = points.filter((p) => p.basis === 'official').length;
  return {
    id: ID,
    title: 'Growth rates by source and definition',
    description:
      `Dots for ${points.length} average growth rates in % per year (${official} official, ` +
      `${points.length - official} reconstructed), from ${formatQuantity(Math.min(...points.map((p) => p.value)), 'percent_per_year')} ` +
      `to ${formatQuantity(Math.max(...points.map((p) => p.value)), 'percent_per_year')}` +
      (claims.length > 0
        ? `; the essay's claim (${claims.map((c) => c.text.replace('essay: ', '')).join(', ')}) is a dashed line.`
        : '.'),
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified: points.some((p) => p.unverified === 'unverified'),
  };
}
