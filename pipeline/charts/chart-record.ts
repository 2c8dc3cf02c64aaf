// Stakhanov's 102 t against the shift norm and his usual output, and the records that followed. Each
// source's figure is a dot on its bar, so conflicting figures (607 t vs 640 t) show as separate marks.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity, formatRange } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import {
  type ChartSpec,
  measureLabel,
  observationsFor,
  periodText,
  rowsWithPrefix,
  sourceIdsOf,
} from './chart-data.ts';
import { CHART_WIDTH, INK, MUTED, PALETTE } from './theme.ts';

const ID = 'record';

function category(measureId: string): string {
  if (measureId.includes('norm')) return 'shift norm';
  if (measureId.includes('usual')) return 'usual output';
  return 'record';
}

export function buildRecordChart(data: ReportData): ChartSpec | null {
  const rows = rowsWithPrefix(data, 'record.').filter((r) => r.unit === 't');
  if (rows.length === 0) return null;
  const perMeasure = new Map<string, number>();
  for (const r of rows) perMeasure.set(r.measure_id, (perMeasure.get(r.measure_id) ?? 0) + 1);
  // Chronological, then smallest first: the norm and usual output sit just above the record shift.
  const ordered = [...rows].sort(
    (a, b) =>
      a.period_start.localeCompare(b.period_start) ||
      a.value - b.value ||
      a.measure_id.localeCompare(b.measure_id),
  );
  const bars = ordered.map((r) => {
    const label = measureLabel(data, r.measure_id);
    return {
      label: (perMeasure.get(r.measure_id) ?? 0) > 1 ? `${label} (${periodText(r)})` : label,
      value: r.value,
      low: r.low,
      high: r.high,
      category: category(r.measure_id),
      text: r.low !== r.high ? formatRange(r.low, r.high, 't') : formatQuantity(r.value, 't'),
      unverified: r.unverified > 0 ? 'unverified' : 'verified',
    };
  });
  const dots = ordered.flatMap((r, i) =>
    observationsFor(data, r).map((o) => ({
      label: bars[i]?.label ?? '',
      value: o.value,
      source: o.source_id,
      unverified: o.status === 'unverified' ? 'unverified' : 'verified',
    })),
  );
  const labels = bars.map((b) => b.label);
  const categories = ['record', 'shift norm', 'usual output'].filter((c) =>
    bars.some((b) => b.category === c),
  );
  const max = Math.max(...rows.map((r) => r.high));
  const hasUnverified = rows.some((r) => r.unverified > 0) || dots.some((d) => d.unverified === 'unverified');
  const y = { field: 'label', type: 'nominal' as const, sort: labels, title: null };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 200,
    height: { step: 22 },
    title: {
      text: 'Record shifts against the norm',
      subtitle: 'Tonnes per shift; each dot is one figure from one source',
    },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: {
            field: 'value',
            type: 'quantitative',
            title: 'tonnes per shift',
            scale: { domain: [0, max * 1.18] },
          },
          color: {
            field: 'category',
            type: 'nominal',
            title: null,
            scale: { domain: categories, range: [PALETTE[0], MUTED, PALETTE[2]].slice(0, categories.length) },
          },
          fillOpacity: {
            field: 'unverified',
            type: 'nominal',
            scale: { domain: ['verified', 'unverified'], range: [1, 0.35] },
            legend: null,
          },
        },
      },
      {
        data: { values: bars },
        mark: { type: 'text', align: 'left', dx: 4, color: INK },
        encoding: { y, x: { field: 'high', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
      {
        data: { values: dots },
        mark: { type: 'point', shape: 'circle', size: 30, strokeWidth: 1.2, color: INK },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          fill: {
            field: 'unverified',
            type: 'nominal',
            scale: { domain: ['verified', 'unverified'], range: [INK, '#ffffff'] },
            legend: null,
          },
        },
      },
    ],
  };
  const top = [...rows].sort((a, b) => b.value - a.value)[0]!;
  return {
    id: ID,
    title: 'Record shifts against the norm',
    description:
      `Horizontal bars for ${rows.length} figures in tonnes per shift, from ` +
      `${formatQuantity(Math.min(...rows.map((r) => r.value)), 't')} to ${formatQuantity(top.value, 't')} ` +
      `(${measureLabel(data, top.measure_id)}). Dots mark each source's own figure.`,
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified,
  };
}
