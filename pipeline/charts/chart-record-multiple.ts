// "How many times the norm?": the multiple each source states (14×, 14.5×, 13×, 11×) as dots, the
// multiple computed from the tonnage and the norm as a solid line, the essay's claim as a dashed line.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import {
  type ChartSpec,
  claimsFor,
  measureLabel,
  observationsFor,
  rowsWithPrefix,
  sourceIdsOf,
} from './chart-data.ts';
import { figureColumn } from './figure-column.ts';
import { ACCENT, CHART_WIDTH, INK, PALETTE } from './theme.ts';

const ID = 'record-multiple';

export function buildRecordMultipleChart(data: ReportData): ChartSpec | null {
  const rows = rowsWithPrefix(data, 'record.').filter((r) => r.unit === 'multiple');
  const stated = rows.filter((r) => r.agreement !== 'derived');
  const derived = rows.filter((r) => r.agreement === 'derived');
  const dots = stated.flatMap((r) =>
    observationsFor(data, r).map((o) => {
      const s = data.sources.find((x) => x.source_id === o.source_id);
      return {
        line: s ? `${s.author} ${s.year}` : o.source_id,
        value: o.value,
        text: formatQuantity(o.value, 'multiple'),
        unverified: o.status === 'unverified' ? 'unverified' : 'verified',
      };
    }),
  );
  if (dots.length === 0) return null;
  dots.sort((a, b) => b.value - a.value || a.line.localeCompare(b.line));
  const lines = [...new Set(dots.map((d) => d.line))];
  const rules = derived.map((r) => ({
    x: r.value,
    text: `computed: ${formatQuantity(r.value, 'multiple')}`,
  }));
  const claims = claimsFor(data, rows).map((c) => ({
    x: c.claimed,
    text: `essay: ${formatQuantity(c.claimed, 'multiple')}`,
  }));
  const max = Math.max(...dots.map((d) => d.value), ...rules.map((r) => r.x), ...claims.map((c) => c.x));
  const x = { field: 'x', type: 'quantitative' as const };
  // Each source's figure in a column of its own: beside the dots they would pile up around 14×.
  const figures = figureColumn({
    y: { field: 'line', type: 'nominal' as const, sort: lines },
    values: dots,
    width: 50,
    step: 22,
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Times the norm: stated and computed',
      subtitle: 'Multiple of the shift norm as each source states it; hollow: unverified',
    },
    spacing: 10,
    hconcat: [
      {
        width: CHART_WIDTH - 250,
        height: { step: 22 },
        layer: [
          {
            data: { values: dots },
            mark: {
              type: 'point',
              shape: 'circle',
              size: 50,
              strokeWidth: 1.5,
              color: PALETTE[0],
              opacity: 1,
            },
            encoding: {
              y: { field: 'line', type: 'nominal', sort: lines, title: null },
              x: {
                field: 'value',
                type: 'quantitative',
                title: 'times the norm',
                scale: { domain: [0, Math.ceil(max * 1.2)] },
              },
              fill: {
                condition: { test: "datum.unverified === 'unverified'", value: '#ffffff' },
                value: PALETTE[0],
              },
            },
          },
          ...[
            { values: rules, color: INK, dash: [] as number[], dy: -2 },
            { values: claims, color: ACCENT, dash: [4, 3], dy: -14 },
          ]
            .filter((g) => g.values.length > 0)
            .flatMap((g) => [
              {
                data: { values: g.values },
                mark: { type: 'rule' as const, color: g.color, strokeDash: g.dash, strokeWidth: 1.4 },
                encoding: { x },
              },
              {
                data: { values: g.values },
                mark: {
                  type: 'text' as const,
                  color: g.color,
                  align: 'left' as const,
                  baseline: 'bottom' as const,
                  dx: 3,
                  dy: g.dy,
                  y: 0,
                },
                encoding: { x, text: { field: 'text', type: 'nominal' as const } },
              },
            ]),
        ],
      },
      figures,
    ],
  } as unknown as TopLevelSpec;
  return {
    id: ID,
    title: 'Times the norm: stated and computed',
    description:
      `Dots for ${dots.length} stated multiples of the norm (${measureLabel(data, stated[0]!.measure_id)}), from ` +
      `${formatQuantity(Math.min(...dots.map((d) => d.value)), 'multiple')} to ${formatQuantity(Math.max(...dots.map((d) => d.value)), 'multiple')}` +
      (rules.length > 0 ? `; ${rules.map((r) => r.text).join(', ')}` : '') +
      (claims.length > 0 ? `; ${claims.map((c) => c.text).join(', ')}` : '') +
      '.',
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified: dots.some((d) => d.unverified === 'unverified'),
  };
}
