// The `forest` kind: one panel per measure and period (one concept per panel, each on its own scale),
// a row per source figure (dot: its central figure, line: its range), a row for the reconciled value
// (with its range shaded across the panel) and a row per distinct figure the essay claims (a dashed line
// across the panel, labelled once, on its own row). Every row's label carries its figure, so no number
// has to be read off the axis.
import type { TopLevelSpec } from 'vega-lite';
import { formatPeriod } from '../../core/format-quantity.ts';
import type { ClaimRow, ReconciledRow, ReportData } from '../../core/types.ts';
import { type ChartSpec, measureLabel, samePeriod, sourceIdsOf } from './chart-data.ts';
import {
  axisTitle,
  chooseLog,
  FONT_PX,
  figureRange,
  figureText,
  inMillions,
  type KindRequest,
  labelColumnWidth,
  logTickValues,
  matchedRows,
  measureOption,
  type OptionSpec,
  observationLabels,
  observationsOf,
  panelTitle,
  positiveIntegerOption,
  quantityAxis,
  SCALE_OPTION,
  TARGET_WIDTH_PX,
  UNITS_OPTION,
  valueWithRange,
  wrapLabel,
  wrapText,
} from './kind-common.ts';
import { ACCENT, INK, PALETTE, SHADE } from './theme.ts';

export const FOREST_OPTIONS: readonly OptionSpec[] = [
  UNITS_OPTION,
  SCALE_OPTION,
  positiveIntegerOption(
    'min-sources',
    'leave out estimates with fewer source figures than this and no claim of the essay (default: keep all); the subtitle says how many were left out',
  ),
  {
    name: 'panels',
    help: '`row` (default: a panel per measure and period, a row per source figure), `measure` (a panel per measure, a row per period) or `one` (one panel, a row per measure and period; all in one unit)',
    check: (v) =>
      ['row', 'measure', 'one'].includes(v) ? null : `panels="${v}" must be row, measure or one`,
  },
  measureOption(
    'reference',
    'a measure drawn as a labelled solid line in every panel of the same period (e.g. a figure computed from others)',
  ),
];

type RowKind = 'source' | 'reconciled' | 'claim' | 'reference';
interface Datum {
  kind: RowKind;
  line: string;
  value: number;
  low: number;
  high: number;
  hollow: boolean;
}
interface Panel {
  title: string;
  unit: string;
  rows: Datum[];
  band: { low: number; high: number; value: number } | null;
  log: boolean;
}

/** The essay's claims on one row (a claim without a period applies to each period of its measure). */
export function claimsOn(data: ReportData, row: ReconciledRow): ClaimRow[] {
  return data.verdicts
    .filter((c) => c.measure_id === row.measure_id && (c.period_start === '' || samePeriod(c, row)))
    .filter((c) => Number.isFinite(c.claimed))
    .sort((a, b) => a.claim_id.localeCompare(b.claim_id));
}

function buildPanels(req: KindRequest, data: ReportData) {
  const rows = matchedRows(req, data);
  const minSources = Number(req.options['min-sources'] ?? '0');
  const reference = req.options.reference;
  const refRows = reference
    ? data.reconciled.filter((r) => r.measure_id === reference && Number.isFinite(r.value))
    : [];
  const kept = rows.filter(
    (r) => observationsOf(data, r).length >= minSources || claimsOn(data, r).length > 0,
  );
  const mode = req.options.panels ?? 'row';
  if (mode !== 'row') {
    const groups = new Map<string, ReconciledRow[]>();
    for (const r of kept) {
      const key = mode === 'one' ? '' : r.measure_id;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const grouped = [...groups.values()].map((g) => groupPanel(req, data, g, mode === 'one', refRows));
    return { rows: kept, panels: grouped, omitted: rows.length - kept.length };
  }
  const panels: Panel[] = kept.map((r) => {
    const obs = observationsOf(data, r);
    const spread = [
      r.low,
      r.high,
      ...obs.flatMap((o) => [o.low, o.high]),
      ...claimsOn(data, r).map((c) => c.claimed),
    ];
    const mil = inMillions(r.unit, spread);
    const formatQuantity = (v: number, unit: string) => figureText(v, unit, mil);
    const formatRange = (lo: number, hi: number, unit: string) => figureRange(lo, hi, unit, mil);
    const labels = observationLabels(data, obs);
    const out: Datum[] = obs.map((o, i) => ({
      kind: 'source',
      line: `${labels[i]}: ${formatRange(o.low, o.high, r.unit)}`,
      value: o.value,
      low: o.low,
      high: o.high,
      hollow: o.status === 'unverified',
    }));
    out.push({
      kind: 'reconciled',
      line: `Reconciled: ${valueWithRange(r.value, r.low, r.high, r.unit, mil)}`,
      value: r.value,
      low: r.low,
      high: r.high,
      hollow: r.unverified > 0,
    });
    // One row per distinct claimed figure: two readings of a claim with the same number are one line.
    const claimed = [...new Set(claimsOn(data, r).map((c) => c.claimed))].sort((a, b) => a - b);
    for (const v of claimed) {
      out.push({
        kind: 'claim',
        line: `Essay: ${formatQuantity(v, r.unit)}`,
        value: v,
        low: v,
        high: v,
        hollow: false,
      });
    }
    for (const ref of refRows.filter((x) => samePeriod(x, r) && x.unit === r.unit)) {
      out.push({
        kind: 'reference',
        line: `${measureLabel(data, ref.measure_id)}: ${formatQuantity(ref.value, ref.unit)}`,
        value: ref.value,
        low: ref.value,
        high: ref.value,
        hollow: false,
      });
    }
    const all = out.flatMap((d) => [d.low, d.high, d.value]);
    return {
      title: panelTitle(data, r),
      unit: r.unit,
      rows: out,
      band: { low: r.low, high: r.high, value: r.value },
      log: chooseLog(all, req.options.scale),
    };
  });
  return { rows: kept, panels, omitted: rows.length - kept.length };
}

/** A panel of reconciled rows (a row each, labelled by its period, or by measure and period when `one`). */
function groupPanel(
  req: KindRequest,
  data: ReportData,
  group: ReconciledRow[],
  one: boolean,
  refRows: ReconciledRow[],
): Panel {
  const first = group[0] as ReconciledRow;
  const unit = first.unit;
  const claims = group.flatMap((r) => claimsOn(data, r));
  const spread = [...group.flatMap((r) => [r.low, r.high]), ...claims.map((c) => c.claimed)];
  const mil = inMillions(unit, spread);
  const out: Datum[] = group.map((r) => {
    const name = one ? panelTitle(data, r) : formatPeriod(r.period_start, r.period_end) || 'undated';
    return {
      kind: 'source',
      line: `${name}: ${figureRange(r.low, r.high, unit, mil)}`,
      value: r.value,
      low: r.low,
      high: r.high,
      hollow: r.unverified > 0,
    };
  });
  for (const v of [...new Set(claims.map((c) => c.claimed))].sort((a, b) => a - b)) {
    out.push({
      kind: 'claim',
      line: `Essay: ${figureText(v, unit, mil)}`,
      value: v,
      low: v,
      high: v,
      hollow: false,
    });
  }
  for (const ref of refRows.filter((x) => x.unit === unit && group.some((r) => samePeriod(x, r)))) {
    out.push({
      kind: 'reference',
      line: `${panelTitle(data, ref)}: ${figureText(ref.value, ref.unit, mil)}`,
      value: ref.value,
      low: ref.value,
      high: ref.value,
      hollow: false,
    });
  }
  return {
    title: one ? '' : measureLabel(data, first.measure_id),
    unit,
    rows: out,
    band: null,
    log: chooseLog(
      out.flatMap((d) => [d.low, d.high, d.value]),
      req.options.scale,
    ),
  };
}

/** null when the request has nothing to plot, else why. */
export function forestEmpty(req: KindRequest, data: ReportData): string | null {
  const units = new Set(matchedRows(req, data).map((r) => r.unit));
  if (req.options.panels === 'one' && units.size > 1) {
    return `panels="one" puts every row on one axis, but the rows are in ${units.size} units (${[...units].join(', ')}); add units="…"`;
  }
  const { panels, omitted } = buildPanels(req, data);
  if (panels.length > 0) return null;
  return omitted > 0
    ? `every matched estimate has fewer than ${req.options['min-sources']} source figures and no claim`
    : 'the matched measures have no reconciled value to plot';
}

export function buildForest(req: KindRequest, data: ReportData): ChartSpec | null {
  const { rows, panels, omitted } = buildPanels(req, data);
  if (panels.length === 0) return null;
  const labelWidth = labelColumnWidth(
    panels.flatMap((p) => p.rows.map((d) => d.line)),
    300,
  );
  const plotWidth = TARGET_WIDTH_PX - labelWidth - 40;
  const anyLog = panels.some((p) => p.log);
  const anyHollow = panels.some((p) => p.rows.some((d) => d.hollow));
  const anyClaim = panels.some((p) => p.rows.some((d) => d.kind === 'claim'));
  const grouped = (req.options.panels ?? 'row') !== 'row';
  const key = [
    ...(grouped
      ? ['dot: the reconciled value, line: its range']
      : [
          "dot: a source's figure, line: its range",
          'shaded: the reconciled range, black line: the reconciled value',
        ]),
    ...(anyClaim ? ["red dashed line: the essay's figure"] : []),
    ...(panels.some((p) => p.rows.some((d) => d.kind === 'reference'))
      ? ['brown line: the figure named in its row']
      : []),
    ...(anyHollow ? ['hollow: unverified'] : []),
    ...(anyLog ? ['on a log scale equal steps are equal ratios'] : []),
  ];
  let note = `${key.join('; ')}.`;
  if (omitted > 0) {
    note += ` ${omitted} ${omitted === 1 ? 'estimate' : 'estimates'} with fewer than ${req.options['min-sources']} source figures ${
      omitted === 1 ? 'is' : 'are'
    } in the table.`;
  }
  const subtitle = wrapText(note, TARGET_WIDTH_PX - 20);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: req.title, subtitle, subtitleFontSize: FONT_PX },
    spacing: 18,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    vconcat: panels.map((p) => panelSpec(p, labelWidth, plotWidth)),
  } as unknown as TopLevelSpec;
  const nSources = panels.reduce((n, p) => n + p.rows.filter((d) => d.kind === 'source').length, 0);
  const description =
    `Forest plot, ${panels.length} ${panels.length === 1 ? 'panel' : 'panels'}, ${nSources} source figures` +
    `${anyLog ? ' (some panels on a log scale)' : ''}. ` +
    panels.map((p) => `${p.title}: ${p.rows.map((d) => d.line).join('; ')}.`).join(' ');
  return {
    id: req.id,
    title: req.title,
    description,
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified: anyHollow,
  };
}

function panelSpec(p: Panel, labelWidth: number, plotWidth: number) {
  const all = p.rows.flatMap((d) => [d.low, d.high, d.value]);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const scale = p.log
    ? { type: 'log', domain: [lo / 1.4, hi * 1.4], nice: false }
    : { type: 'linear', domain: [Math.min(0, lo), hi === 0 ? 1 : hi * 1.08], nice: true, zero: true };
  const ticks = p.log ? logTickValues(lo / 1.4, hi * 1.4) : undefined;
  const millions = inMillions(p.unit, all);
  // Long labels wrap (never clipped); rows sort by number, as vega-lite's sort by a list of values
  // breaks on labels holding a newline.
  const rows = p.rows.map((d, i) => ({ ...d, line: wrapLabel(d.line, labelWidth).join('\n'), order: i }));
  const lines = Math.max(1, ...rows.map((d) => d.line.split('\n').length));
  const y = {
    field: 'line',
    type: 'nominal',
    sort: { field: 'order', op: 'min' },
    title: null,
    axis: {
      labelLimit: labelWidth,
      minExtent: labelWidth,
      maxExtent: labelWidth,
      labelExpr: "split(datum.label, '\\n')",
      ticks: false,
      domain: false,
    },
  };
  const x = {
    field: 'value',
    type: 'quantitative',
    scale,
    title: axisTitle(p.unit, p.log, millions),
    axis: { ...quantityAxis(millions), ...(ticks ? { values: ticks } : {}) },
  };
  const only = (kind: RowKind) => ({ filter: `datum.kind === '${kind}'` });
  return {
    title: {
      text: p.title === '' ? [] : p.title,
      anchor: 'start',
      font: 'PT Sans, Helvetica, Arial, sans-serif',
      fontSize: 12,
      fontWeight: 'bold',
      offset: 4,
    },
    width: plotWidth,
    height: { step: Math.max(18, lines * 13 + 5) },
    data: {
      values: [...rows, ...(p.band ? [{ kind: 'band', line: '', order: -1, ...p.band, hollow: false }] : [])],
    },
    layer: [
      {
        transform: [only('band' as RowKind)],
        mark: { type: 'rect', color: SHADE, opacity: 0.9 },
        encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' } },
      },
      {
        transform: [only('band' as RowKind)],
        mark: { type: 'rule', color: INK, strokeWidth: 1 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        transform: [only('claim')],
        mark: { type: 'rule', color: ACCENT, strokeDash: [4, 3], strokeWidth: 1.4 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        transform: [only('reference')],
        mark: { type: 'rule', color: PALETTE[1], strokeWidth: 1.4 },
        encoding: { x: { field: 'value', type: 'quantitative' } },
      },
      {
        transform: [{ filter: "datum.kind === 'source' || datum.kind === 'reconciled'" }],
        mark: { type: 'rule', strokeWidth: 1.6 },
        encoding: {
          y,
          x: { field: 'low', type: 'quantitative' },
          x2: { field: 'high' },
          color: { condition: { test: "datum.kind === 'reconciled'", value: INK }, value: PALETTE[0] },
        },
      },
      {
        transform: [{ filter: "datum.kind !== 'band'" }],
        mark: { type: 'point', size: 40, strokeWidth: 1.4, opacity: 1 },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          shape: {
            condition: [
              { test: "datum.kind === 'claim'", value: 'diamond' },
              { test: "datum.kind === 'reconciled' || datum.kind === 'reference'", value: 'square' },
            ],
            value: 'circle',
          },
          color: {
            condition: [
              { test: "datum.kind === 'claim'", value: ACCENT },
              { test: "datum.kind === 'reference'", value: PALETTE[1] },
              { test: "datum.kind === 'reconciled'", value: INK },
            ],
            value: PALETTE[0],
          },
          fill: {
            condition: [
              { test: 'datum.hollow', value: '#ffffff' },
              { test: "datum.kind === 'claim'", value: ACCENT },
              { test: "datum.kind === 'reference'", value: PALETTE[1] },
              { test: "datum.kind === 'reconciled'", value: INK },
            ],
            value: PALETTE[0],
          },
        },
      },
    ],
  };
}
