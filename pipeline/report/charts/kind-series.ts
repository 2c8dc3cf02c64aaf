// The `series` kind: values over time, one panel per measure (each on its own y scale, all on the same
// years), the reconciled values as a line broken wherever years are missing (a line drawn over a gap
// would show figures nobody gave), a dot per reconciled value (hollow when unverified) and a ring for each
// source figure that differs from it. Optional shaded spans (`bands`) are labelled once, in the first panel.
import type { TopLevelSpec } from 'vega-lite';
import { periodToYear } from '../../core/format-quantity.ts';
import type { ReconciledRow, ReportData } from '../../core/types.ts';
import { type ChartSpec, measureLabel, sourceIdsOf } from './chart-data.ts';
import {
  axisTitle,
  chooseLog,
  FONT_PX,
  figureText,
  inMillions,
  type KindRequest,
  logTickValues,
  matchedRows,
  type OptionSpec,
  observationsOf,
  positiveIntegerOption,
  quantityAxis,
  SCALE_OPTION,
  TARGET_WIDTH_PX,
  UNITS_OPTION,
  wrapText,
} from './kind-common.ts';
import { ACCENT, INK, PALETTE, SHADE } from './theme.ts';

function formatYearish(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

export interface Band {
  start: number;
  end: number;
  label: string;
}

/** `1928-1932:1st plan,1933-1937:2nd plan` → spans of years (inclusive), or a sentence saying what is wrong. */
export function parseBands(text: string): Band[] | string {
  const out: Band[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*(?::\s*(.*?))?\s*$/.exec(part);
    if (!m || Number(m[2]) < Number(m[1])) {
      return `bands="${text}": each span is START-END or START-END:label, with START ≤ END (e.g. 1928-1932:first span)`;
    }
    out.push({ start: Number(m[1]), end: Number(m[2]), label: m[3] ?? '' });
  }
  return out;
}

export const SERIES_OPTIONS: readonly OptionSpec[] = [
  UNITS_OPTION,
  SCALE_OPTION,
  {
    name: 'mark',
    help: '`line` (default: a line through the values, broken at gaps) or `bar` (a bar per year; always on a linear scale from zero)',
    check: (v) => (v === 'line' || v === 'bar' ? null : `mark="${v}" must be line or bar`),
  },
  {
    name: 'max-gap',
    help: 'the longest step, in years, the line may bridge (default 1: a missing year breaks the line)',
    check: (v) =>
      /^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? null : `max-gap="${v}" must be a positive number of years`,
  },
  positiveIntegerOption(
    'min-points',
    'leave out measures with fewer dated values than this (default 2); the subtitle says how many were left out',
  ),
  {
    name: 'bands',
    help: 'shaded spans of years with a label, e.g. `1928-1932:first period,1933-1937:second period`; alternate spans are shaded, every span is labelled once at the top',
    check: (v) => {
      const b = parseBands(v);
      return typeof b === 'string' ? b : null;
    },
  },
];

/** A row for a moment or one calendar year: the points of a series. Periods longer than that are not. */
export function isPointInTime(row: { period_start: string; period_end: string }): boolean {
  return row.period_end === '' || row.period_end === row.period_start;
}

/**
 * Split points (sorted by x) into runs where no step is longer than `maxGap`: each run is drawn as its own
 * line, so no line crosses years without a figure. Returns the run number of each point.
 */
export function segmentRuns(xs: number[], maxGap: number): number[] {
  const out: number[] = [];
  let run = 0;
  for (let i = 0; i < xs.length; i++) {
    const prev = xs[i - 1];
    const x = xs[i];
    if (i > 0 && prev !== undefined && x !== undefined && x - prev > maxGap + 1e-6) run++;
    out.push(run);
  }
  return out;
}

interface SeriesPanel {
  measure: string;
  title: string;
  unit: string;
  rows: ReconciledRow[];
  claims: { x: number; value: number; text: string }[];
  log: boolean;
  millions: boolean;
}

/** The essay's figures for a dated moment of a measure (one mark per distinct date and figure). */
function claimsOnSeries(data: ReportData, measure: string, unit: string) {
  const seen = new Set<string>();
  const out: { x: number; value: number; text: string }[] = [];
  for (const c of data.verdicts) {
    if (c.measure_id !== measure || !Number.isFinite(c.claimed) || !isPointInTime(c)) continue;
    const x = periodToYear(c.period_start);
    const key = `${x}|${c.claimed}`;
    if (!Number.isFinite(x) || seen.has(key)) continue;
    seen.add(key);
    const millions = inMillions(unit, [c.claimed]);
    out.push({ x, value: c.claimed, text: `essay: ${figureText(c.claimed, unit, millions)}` });
  }
  return out.sort((a, b) => a.x - b.x || a.value - b.value);
}

function panelsOf(req: KindRequest, data: ReportData) {
  const minPoints = Number(req.options['min-points'] ?? '2');
  const rows = matchedRows(req, data).filter(isPointInTime);
  const panels: SeriesPanel[] = [];
  let omitted = 0;
  for (const measure of req.measures) {
    const own = rows.filter((r) => r.measure_id === measure);
    if (own.length === 0) continue;
    if (own.length < minPoints) {
      omitted++;
      continue;
    }
    // One unit per panel: a measure's rows share its unit; any stray row in another unit is left out.
    const unit = own[0]?.unit ?? '';
    const same = own
      .filter((r) => r.unit === unit)
      .sort((a, b) => periodToYear(a.period_start) - periodToYear(b.period_start));
    const claims = claimsOnSeries(data, measure, unit);
    const values = [
      ...same.flatMap((r) => [r.value, ...observationsOf(data, r).map((o) => o.value)]),
      ...claims.map((c) => c.value),
    ];
    panels.push({
      measure,
      title: measureLabel(data, measure),
      unit,
      rows: same,
      claims,
      log: req.options.mark === 'bar' ? false : chooseLog(values, req.options.scale),
      millions: inMillions(unit, values),
    });
  }
  return { panels, omitted };
}

export function seriesEmpty(req: KindRequest, data: ReportData): string | null {
  if (req.options.mark === 'bar' && req.options.scale === 'log')
    return 'mark="bar" cannot take scale="log" (a bar\'s length must mean its value)';
  const { panels, omitted } = panelsOf(req, data);
  if (panels.length > 0) return null;
  return omitted > 0
    ? `no matched measure has ${req.options['min-points'] ?? '2'} or more dated values`
    : 'the matched measures have no value for a single date or year';
}

/** Panels shrink (to 50 px) as they multiply, so that the chart prints at natural size on one page. */
export function panelHeight(n: number): number {
  return Math.max(50, Math.min(90, Math.floor(600 / n) - 60));
}

export function buildSeries(req: KindRequest, data: ReportData): ChartSpec | null {
  const { panels, omitted } = panelsOf(req, data);
  if (panels.length === 0) return null;
  const maxGap = Number(req.options['max-gap'] ?? '1');
  const asBars = req.options.mark === 'bar';
  const bandsOpt = req.options.bands ? parseBands(req.options.bands) : [];
  const bands = typeof bandsOpt === 'string' ? [] : bandsOpt;
  const xs = panels.flatMap((p) => [
    ...p.rows.map((r) => periodToYear(r.period_start)),
    ...p.claims.map((c) => c.x),
  ]);
  const first = Math.floor(Math.min(...xs));
  const last = Math.ceil(Math.max(...xs));
  const plotWidth = TARGET_WIDTH_PX - 90;
  const barSize = Math.max(2, Math.floor((plotWidth / (last - first + 1)) * 0.7));
  const anyHollow = panels.some((p) => p.rows.some((r) => r.unverified > 0));
  let anyRing = false;
  let anyGap = false;
  let anyClaim = false;
  const specs = panels.map((p, index) => {
    const years = p.rows.map((r) => periodToYear(r.period_start));
    const runs = segmentRuns(years, maxGap);
    if (runs.some((r) => r > 0)) anyGap = true;
    const points = p.rows.map((r, i) => ({
      kind: 'value',
      x: years[i],
      value: r.value,
      run: runs[i],
      hollow: r.unverified > 0,
    }));
    const rings = p.rows.flatMap((r, i) =>
      observationsOf(data, r)
        .filter((o) => Math.abs(o.value - r.value) > 1e-9 * Math.max(1, Math.abs(r.value)))
        .map((o) => ({
          kind: 'ring',
          x: years[i],
          value: o.value,
          run: 0,
          hollow: o.status === 'unverified',
        })),
    );
    if (rings.length > 0) anyRing = true;
    const shown = bands
      .map((b, i) => ({ ...b, i }))
      .filter((b) => b.end >= first && b.start <= last)
      .map((b) => ({
        kind: 'band',
        start: Math.max(b.start, first) - 0.5,
        end: Math.min(b.end, last) + 0.5,
        mid: (Math.max(b.start, first) + Math.min(b.end, last)) / 2,
        label: b.label,
        shaded: b.i % 2 === 0,
      }));
    const x = {
      field: 'x',
      type: 'quantitative',
      title: null,
      scale: { domain: [first - 0.5, last + 0.5], nice: false, zero: false },
      axis: { format: 'd', tickMinStep: 1, grid: false, labelFlush: false },
    };
    const all = [...points, ...rings, ...p.claims].map((d) => d.value);
    if (p.claims.length > 0) anyClaim = true;
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const yScale = p.log
      ? { type: 'log', domain: [lo / 1.3, hi * 1.3], nice: false }
      : { type: 'linear', zero: true, nice: true };
    const y = {
      field: 'value',
      type: 'quantitative',
      scale: yScale,
      title: axisTitle(p.unit, p.log, p.millions),
      axis: {
        ...quantityAxis(p.millions),
        ...(p.log ? { values: logTickValues(lo / 1.3, hi * 1.3) } : { tickCount: 4 }),
      },
    };
    const layer: object[] = [
      {
        data: { values: shown },
        transform: [{ filter: 'datum.shaded' }],
        mark: { type: 'rect', color: SHADE, opacity: 0.8 },
        encoding: {
          x: { field: 'start', type: 'quantitative', scale: x.scale, title: null },
          x2: { field: 'end' },
        },
      },
      ...(index === 0
        ? [
            {
              data: { values: shown.filter((b) => b.label !== '') },
              mark: { type: 'text', baseline: 'bottom', dy: -3, color: '#555555', fontSize: FONT_PX },
              encoding: {
                x: { field: 'mid', type: 'quantitative' },
                y: { value: 0 },
                text: { field: 'label', type: 'nominal' },
              },
            },
          ]
        : []),
      asBars
        ? {
            data: { values: points },
            mark: { type: 'bar', size: barSize, color: PALETTE[0] },
            encoding: {
              x,
              y,
              fillOpacity: { condition: { test: 'datum.hollow', value: 0.35 }, value: 1 },
            },
          }
        : {
            data: { values: points },
            mark: { type: 'line', color: PALETTE[0], strokeWidth: 1.8 },
            encoding: { x, y, detail: { field: 'run', type: 'nominal' } },
          },
      ...(asBars
        ? []
        : [
            {
              data: { values: points },
              mark: {
                type: 'point',
                shape: 'circle',
                size: 30,
                strokeWidth: 1.3,
                opacity: 1,
                color: PALETTE[0],
              },
              encoding: {
                x,
                y,
                fill: { condition: { test: 'datum.hollow', value: '#ffffff' }, value: PALETTE[0] },
              },
            },
          ]),
      {
        data: { values: rings },
        mark: {
          type: 'point',
          shape: 'circle',
          size: 44,
          strokeWidth: 1.2,
          opacity: 1,
          filled: false,
          color: INK,
        },
        encoding: { x, y },
      },
      ...(p.claims.length > 0
        ? [
            {
              data: { values: p.claims },
              mark: { type: 'point', shape: 'diamond', size: 60, filled: true, opacity: 1, color: ACCENT },
              encoding: { x, y },
            },
            {
              data: { values: p.claims },
              mark: {
                type: 'text',
                align: 'right',
                dx: -7,
                baseline: 'middle',
                color: ACCENT,
                fontSize: FONT_PX,
              },
              encoding: { x, y, text: { field: 'text', type: 'nominal' } },
            },
          ]
        : []),
    ];
    return {
      title: {
        text: p.title,
        anchor: 'start',
        fontSize: 12,
        fontWeight: 'bold',
        font: 'PT Sans, Helvetica, Arial, sans-serif',
        offset: index === 0 && shown.some((b) => b.label !== '') ? 18 : 6,
      },
      width: plotWidth,
      height: panelHeight(panels.length),
      layer,
    };
  });
  const key = [
    asBars ? 'bar: the reconciled value of a year' : 'line and dots: the reconciled values',
    ...(anyGap && !asBars ? ['the line breaks where years are missing'] : []),
    ...(anyRing ? ["ring: a source's figure that differs from it"] : []),
    ...(anyClaim ? ["red diamond: the essay's figure"] : []),
    ...(anyHollow ? [asBars ? 'pale: unverified' : 'hollow: unverified'] : []),
    ...(bands.length > 0 ? ['shaded: the spans named at the top'] : []),
    ...(panels.some((p) => p.log) ? ['on a log scale equal steps are equal ratios'] : []),
  ];
  let note = `${key.join('; ')}.`;
  if (omitted > 0) {
    note += ` ${omitted} ${omitted === 1 ? 'measure' : 'measures'} with fewer than ${req.options['min-points'] ?? '2'} dated values ${omitted === 1 ? 'is' : 'are'} in the table.`;
  }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: req.title, subtitle: wrapText(note, TARGET_WIDTH_PX - 20), subtitleFontSize: FONT_PX },
    spacing: 16,
    resolve: { scale: { y: 'independent' } },
    vconcat: specs,
  } as unknown as TopLevelSpec;
  const description =
    `${asBars ? 'Bars' : 'Lines'} over time, ${first}–${last}, ${panels.length} ${panels.length === 1 ? 'panel' : 'panels'}. ` +
    panels
      .map((p) => {
        const vals = p.rows.map((r) => r.value);
        const maxRow = p.rows[vals.indexOf(Math.max(...vals))];
        return (
          `${p.title}: ${p.rows.length} values, ${p.rows[0]?.period_start}–${p.rows.at(-1)?.period_start}` +
          (maxRow
            ? `, highest ${figureText(maxRow.value, p.unit, p.millions)} in ${maxRow.period_start}`
            : '') +
          (p.log ? ', log scale' : '') +
          (p.claims.length > 0
            ? `; ${p.claims.map((c) => `${c.text} for ${formatYearish(c.x)}`).join(', ')}`
            : '')
        );
      })
      .join('; ') +
    '.';
  return {
    id: req.id,
    title: req.title,
    description,
    spec,
    sourceIds: sourceIdsOf(panels.flatMap((p) => p.rows)),
    hasUnverified: anyHollow,
  };
}
