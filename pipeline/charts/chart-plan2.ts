// Second Five-Year Plan: each physical target's outcome in % of the target (100 % = plan fulfilled).
import type { TopLevelSpec } from 'vega-lite';
import { roundNoise } from '../format-number.ts';
import { formatNumberText, formatQuantity } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import { type ChartSpec, measureLabel, periodText, uniqueSorted } from './chart-data.ts';
import { figureColumn } from './figure-column.ts';
import { isChangeUnit, planPairs } from './plan2-pairs.ts';
import { ACCENT, CHART_WIDTH, PALETTE } from './theme.ts';

const ID = 'plan2';

export function buildPlan2Chart(data: ReportData): ChartSpec | null {
  const pairs = planPairs(data).filter((p) => !isChangeUnit(p.target.unit) && p.target.value !== 0);
  if (pairs.length === 0) return null;
  const bars = pairs.map((p) => {
    const pct = roundNoise((p.outcome.value / p.target.value) * 100);
    return {
      label: `${measureLabel(data, p.target.measure_id)} (${periodText(p.target)})`,
      pct,
      verdict: pct >= 100 ? 'met or exceeded' : 'fell short',
      text:
        `${formatQuantity(p.outcome.value, p.outcome.unit)} of ${formatQuantity(p.target.value, p.target.unit)}` +
        ` (${formatNumberText(Math.round(pct))} %)`,
      unverified: p.target.unverified + p.outcome.unverified > 0 ? 'unverified' : 'verified',
    };
  });
  bars.sort((a, b) => a.pct - b.pct || a.label.localeCompare(b.label));
  const max = Math.max(100, ...bars.map((b) => b.pct));
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: bars.map((b) => b.label),
    title: null,
    axis: { labelLimit: 320 },
  };
  // Outcome and target are printed in a column of their own, clear of the bars and the 100 % rule.
  const figures = figureColumn({ y, values: bars, width: 150, step: 24 });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Plan targets and outcomes',
      subtitle: 'Reported outcome in % of the target; 100 % = target met; pale: unverified',
    },
    spacing: 10,
    hconcat: [
      {
        width: CHART_WIDTH - 330,
        height: { step: 24 },
        layer: [
          {
            data: { values: bars },
            mark: { type: 'bar', height: { band: 0.65 } },
            encoding: {
              y,
              x: {
                field: 'pct',
                type: 'quantitative',
                title: '% of target',
                scale: { domain: [0, Math.ceil((max * 1.05) / 10) * 10] },
              },
              color: {
                field: 'verdict',
                type: 'nominal',
                title: null,
                scale: { domain: ['fell short', 'met or exceeded'], range: [PALETTE[1], PALETTE[0]] },
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
            data: { values: [{ x: 100 }] },
            mark: { type: 'rule', color: ACCENT, strokeDash: [4, 3], strokeWidth: 1.2 },
            encoding: { x: { field: 'x', type: 'quantitative' } },
          },
        ],
      },
      figures,
    ],
  } as unknown as TopLevelSpec;
  const short = bars.filter((b) => b.pct < 100).length;
  return {
    id: ID,
    title: 'Plan targets and outcomes',
    description:
      `Bars for ${bars.length} Second Five-Year Plan targets, each outcome as a percentage of its target: ` +
      `${short} fell short, ${bars.length - short} met or exceeded the target.`,
    spec,
    sourceIds: uniqueSorted(pairs.flatMap((p) => [...p.target.sources, ...p.outcome.sources])),
    hasUnverified: bars.some((b) => b.unverified === 'unverified'),
  };
}
