// Second Five-Year Plan targets stated as changes (labour productivity +63 % planned vs +82 % reported):
// planned and reported side by side, in the target's own unit.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity, unitText } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import { type ChartSpec, measureLabel, periodText, uniqueSorted } from './chart-data.ts';
import { isChangeUnit, planPairs } from './plan2-pairs.ts';
import { CHART_WIDTH, INK, PALETTE } from './theme.ts';

const ID = 'plan2-change';

export function buildPlan2ChangeChart(data: ReportData): ChartSpec | null {
  const pairs = planPairs(data).filter((p) => isChangeUnit(p.target.unit));
  if (pairs.length === 0) return null;
  const unit = pairs[0]!.target.unit;
  const same = pairs.filter((p) => p.target.unit === unit);
  const values = same.flatMap((p) => {
    // The target's label without the wording of a target ("…, planned increase"), which the colours say.
    const label = `${measureLabel(data, p.target.measure_id).replace(/,?\s*(planned|target)\b.*$/i, '')} (${periodText(p.target)})`;
    return [
      {
        label,
        kind: 'planned',
        value: p.target.value,
        text: formatQuantity(p.target.value, unit),
        unverified: p.target.unverified > 0 ? 'unverified' : 'verified',
      },
      {
        label,
        kind: 'reported',
        value: p.outcome.value,
        text: formatQuantity(p.outcome.value, unit),
        unverified: p.outcome.unverified > 0 ? 'unverified' : 'verified',
      },
    ];
  });
  const labels = uniqueSorted(values.map((v) => v.label));
  const max = Math.max(...values.map((v) => v.value), 0);
  const min = Math.min(...values.map((v) => v.value), 0);
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: labels,
    title: null,
    axis: { labelLimit: 200 },
  };
  const yOffset = { field: 'kind', type: 'nominal' as const, sort: ['planned', 'reported'] };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 250,
    height: { step: 44 },
    title: {
      text: 'Planned and reported change',
      subtitle: `Change over the plan period (${unitText(unit)})`,
    },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.8 } },
        encoding: {
          y,
          yOffset,
          x: {
            field: 'value',
            type: 'quantitative',
            title: `change (${unitText(unit)})`,
            scale: { domain: [min, max * 1.25] },
          },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: { domain: ['planned', 'reported'], range: [PALETTE[7], PALETTE[0]] },
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
        mark: { type: 'text', align: 'left', dx: 4, color: INK },
        encoding: {
          y,
          yOffset,
          x: { field: 'value', type: 'quantitative' },
          text: { field: 'text', type: 'nominal' },
        },
      },
    ],
  };
  return {
    id: ID,
    title: 'Planned and reported change',
    description:
      `Paired bars for ${same.length} plan targets stated as a change: ` +
      same
        .map(
          (p) =>
            `${measureLabel(data, p.target.measure_id)}, planned ${formatQuantity(p.target.value, unit)}, reported ${formatQuantity(p.outcome.value, unit)}`,
        )
        .join('; ') +
      '.',
    spec,
    sourceIds: uniqueSorted(same.flatMap((p) => [...p.target.sources, ...p.outcome.sources])),
    hasUnverified: values.some((v) => v.unverified === 'unverified'),
  };
}
