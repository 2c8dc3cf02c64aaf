// Forest plot for the human cost: one panel per measure and period, one line per source (dot = its
// central figure, line = its range), the reconciled range shaded, the essay's claimed figure as a red
// dashed line. Log scale when the figures span more than a factor of 20.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuantity, formatRange, labelWithPeriod, unitText } from '../html/format-quantity.ts';
import type { ReportData } from '../types.ts';
import {
  type ChartSpec,
  claimsFor,
  dominantUnit,
  measureLabel,
  observationsFor,
  rowsWithPrefix,
  samePeriod,
  seriesMeasures,
  sourceIdsOf,
} from './chart-data.ts';
import { ACCENT, CHART_WIDTH, facetHeader, INK, PALETTE, SHADE } from './theme.ts';

export interface ForestOptions {
  id: string;
  prefix: string;
  title: string;
}

export function buildForestChart(data: ReportData, options: ForestOptions): ChartSpec | null {
  const candidates = rowsWithPrefix(data, options.prefix);
  // Yearly series (e.g. death sentences by year) belong in a table, not in a forest of estimates.
  const series = seriesMeasures(candidates);
  const unit = dominantUnit(candidates.filter((r) => !series.has(r.measure_id)));
  const estimates = candidates.filter((r) => !series.has(r.measure_id) && r.unit === unit);
  // A forest shows disagreement: estimates with one source figure and no claim of the essay are read in
  // the table under the chart (the chart would be a column of lone dots in unreadably small panels).
  const claimed = claimsFor(data, estimates);
  const rows = estimates.filter(
    (r) =>
      observationsFor(data, r).length >= 2 ||
      claimed.some((c) => c.measure_id === r.measure_id && (c.period_start === '' || samePeriod(c, r))),
  );
  if (!unit || rows.length === 0) return null;
  const omitted = estimates.length - rows.length;
  const citeOf = (id: string) => {
    const s = data.sources.find((x) => x.source_id === id);
    return s ? `${s.author} ${s.year}` : id;
  };
  type Datum = {
    panel: string;
    kind: 'band' | 'source' | 'claim';
    line: string;
    value: number;
    low: number;
    high: number;
    unverified: string;
    text: string;
  };
  const values: Datum[] = [];
  const panels: string[] = [];
  for (const r of rows) {
    const panel = labelWithPeriod(measureLabel(data, r.measure_id), r.period_start, r.period_end);
    panels.push(panel);
    const obs = observationsFor(data, r);
    values.push({
      panel,
      kind: 'band',
      line: '',
      value: r.value,
      low: r.low,
      high: r.high,
      unverified: r.unverified > 0 ? 'unverified' : 'verified',
      text: `reconciled ${formatRange(r.low, r.high, unit)}`,
    });
    const seen = new Map<string, number>();
    for (const o of obs) {
      const base = citeOf(o.source_id);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      values.push({
        panel,
        kind: 'source',
        line: n > 1 ? `${base} (${n})` : base,
        value: o.value,
        low: o.low,
        high: o.high,
        unverified: o.status === 'unverified' ? 'unverified' : 'verified',
        text: formatRange(o.low, o.high, unit),
      });
    }
    if (obs.length === 0) {
      values.push({
        panel,
        kind: 'source',
        line: 'reconciled',
        value: r.value,
        low: r.low,
        high: r.high,
        unverified: 'verified',
        text: '',
      });
    }
  }
  for (const c of claimsFor(data, rows)) {
    const r = rows.find(
      (x) => x.measure_id === c.measure_id && (c.period_start === '' || c.period_start === x.period_start),
    );
    if (!r) continue;
    const panel = labelWithPeriod(measureLabel(data, r.measure_id), r.period_start, r.period_end);
    values.push({
      panel,
      kind: 'claim',
      line: '',
      value: c.claimed,
      low: c.claimed,
      high: c.claimed,
      unverified: 'verified',
      text: `essay: ${formatQuantity(c.claimed, unit)}`,
    });
  }
  const positive = values.filter((v) => v.low > 0 && v.high > 0 && v.value > 0);
  const lo = Math.min(...values.map((v) => v.low));
  const hi = Math.max(...values.map((v) => v.high));
  const useLog = positive.length === values.length && lo > 0 && hi / lo > 20;
  const xScale = useLog
    ? { type: 'log' as const, domain: [lo / 1.5, hi * 1.5], nice: false }
    : { type: 'linear' as const, domain: [Math.min(0, lo), hi * 1.1], nice: true };
  const axisFormat = unit === 'persons' ? '~s' : '~g';
  // On a log scale vega would label and grid every 1–9 × 10^k step; 1, 2, 5 × 10^k read more easily.
  const logTicks = useLog ? logTickValues(lo / 1.5, hi * 1.5) : undefined;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title,
      subtitle: [
        `${unitText(unit)}${useLog ? ', log scale (equal distances are equal ratios)' : ''}; dot: a source's figure, line: its range;`,
        `shaded: reconciled range, black line: reconciled value; red dashed: the essay's figure.${
          omitted > 0
            ? ` ${omitted} single-source ${omitted === 1 ? 'estimate is' : 'estimates are'} in the table below.`
            : ''
        }`,
      ],
    },
    data: { values },
    facet: {
      row: {
        field: 'panel',
        type: 'nominal',
        sort: panels,
        title: null,
        header: facetHeader(4, CHART_WIDTH),
      },
    },
    spacing: 10,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: CHART_WIDTH - 170,
      height: { step: 16 },
      layer: [
        {
          transform: [{ filter: "datum.kind === 'band'" }],
          mark: { type: 'rect', color: SHADE, opacity: 0.9 },
          encoding: {
            x: {
              field: 'low',
              type: 'quantitative',
              scale: xScale,
              title: unitText(unit),
              axis: { format: axisFormat, ...(logTicks ? { values: logTicks } : {}) },
            },
            x2: { field: 'high' },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'band'" }],
          mark: { type: 'rule', color: INK, strokeWidth: 1 },
          encoding: { x: { field: 'value', type: 'quantitative' } },
        },
        {
          transform: [{ filter: "datum.kind === 'source'" }],
          mark: { type: 'rule', color: PALETTE[0], strokeWidth: 1.6 },
          encoding: {
            y: { field: 'line', type: 'nominal', title: null },
            x: { field: 'low', type: 'quantitative' },
            x2: { field: 'high' },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'source'" }],
          mark: { type: 'point', shape: 'circle', size: 34, strokeWidth: 1.4, color: PALETTE[0], opacity: 1 },
          encoding: {
            y: { field: 'line', type: 'nominal', title: null },
            x: { field: 'value', type: 'quantitative' },
            fill: {
              condition: { test: "datum.unverified === 'unverified'", value: '#ffffff' },
              value: PALETTE[0],
            },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'claim'" }],
          mark: { type: 'rule', color: ACCENT, strokeDash: [4, 3], strokeWidth: 1.5 },
          encoding: { x: { field: 'value', type: 'quantitative' } },
        },
      ],
    },
  } as unknown as TopLevelSpec;
  const claims = values.filter((v) => v.kind === 'claim');
  const nSources = values.filter((v) => v.kind === 'source').length;
  return {
    id: options.id,
    title: options.title,
    description:
      `Forest plot of ${rows.length} estimates (${nSources} source figures) in ${unitText(unit)}, from ` +
      `${formatQuantity(lo, unit)} to ${formatQuantity(hi, unit)}${useLog ? ' on a log scale' : ''}. ` +
      rows
        .map((r) => `${measureLabel(data, r.measure_id)}: reconciled ${formatRange(r.low, r.high, unit)}`)
        .join('; ') +
      (claims.length > 0
        ? `. The essay's figure: ${claims.map((c) => c.text.replace('essay: ', '')).join(', ')}.`
        : '.'),
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified: values.some((v) => v.unverified === 'unverified'),
  };
}

/** 1, 2, 5 × 10^k inside [lo, hi]: the ticks of a log axis. */
export function logTickValues(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}
