// What every chart kind shares: the rows a request matches, source labels that fit, the choice of a log
// scale, and the print arithmetic that keeps chart text legible in the PDF column.
import {
  formatNumberText,
  formatPeriod,
  formatQuantity,
  formatRange,
  unitText,
} from '../../core/format-quantity.ts';
import type { Observation, ReconciledRow, ReportData } from '../../core/types.ts';
import { byPeriod, measureLabel, samePeriod } from './chart-data.ts';
import { estimateTextWidth } from './render-svg.ts';

/** The parts of a ChartRequest a kind reads (kinds.ts owns the full type). */
export interface KindRequest {
  id: string;
  measures: string[];
  title: string;
  period?: string;
  options: Record<string, string>;
}

/** One option a kind accepts: its name, what it means (for the docs and errors) and a check of its value. */
export interface OptionSpec {
  name: string;
  help: string;
  /** null when the value is acceptable, else why not. */
  check: (value: string, data: ReportData) => string | null;
}

/** The PDF's text column (≈16 cm) in CSS px (96 per inch): a wider SVG is scaled down to it. */
export const COLUMN_PX = (160 / 25.4) * 96;
/** The print CSS caps a chart's height at 215 mm. */
export const MAX_HEIGHT_PX = (215 / 25.4) * 96;
/** The smallest chart text a reader should meet on paper. */
export const MIN_PRINTED_PT = 8;
/** Every kind draws its text at this size or larger (11 px = 8.25 pt at natural size). */
export const FONT_PX = 11;
/** Every kind keeps its SVG this wide or narrower, so it prints at natural size. */
export const TARGET_WIDTH_PX = 580;

/**
 * The size in points at which text of `fontPx` prints in an SVG of `width` × `height` px: natural size
 * (1 px = 0.75 pt) unless the SVG is wider than the column or taller than the page allows.
 */
export function printedPt(fontPx: number, width: number, height: number): number {
  const scale = Math.min(1, COLUMN_PX / width, MAX_HEIGHT_PX / height);
  return fontPx * 0.75 * scale;
}

/** Does `row`'s period match a directive's `period="…"` (`1937`, `1933-1937`, `1933–1937`, a date)? */
export function periodMatches(row: { period_start: string; period_end: string }, period: string): boolean {
  const p = period.trim();
  if (p === formatPeriod(row.period_start, row.period_end)) return true;
  const m = /^(\S+?)\s*(?:–|—|-(?=\d{4}(?:-\d\d){0,2}$)|\/|\.\.)\s*(\S+)$/.exec(p);
  if (m && /^\d{4}/.test(m[1] ?? '') && /^\d{4}/.test(m[2] ?? '')) {
    return row.period_start === m[1] && row.period_end === m[2];
  }
  return row.period_start === p && (row.period_end === p || row.period_end === '');
}

/** The reconciled rows a request plots, in the request's measure order, then by period. */
export function matchedRows(req: KindRequest, data: ReportData, period = req.period): ReconciledRow[] {
  const order = new Map(req.measures.map((m, i) => [m, i]));
  const units = req.options.units ? req.options.units.split(',').map((u) => u.trim()) : null;
  return data.reconciled
    .filter((r) => order.has(r.measure_id) && Number.isFinite(r.value))
    .filter((r) => period === undefined || periodMatches(r, period))
    .filter((r) => units === null || units.includes(r.unit))
    .sort((a, b) => (order.get(a.measure_id) ?? 0) - (order.get(b.measure_id) ?? 0) || byPeriod(a, b));
}

export function observationsOf(data: ReportData, row: ReconciledRow): Observation[] {
  return data.observations
    .filter((o) => o.measure_id === row.measure_id && samePeriod(o, row) && Number.isFinite(o.value))
    .sort((a, b) => a.source_id.localeCompare(b.source_id) || a.ref.localeCompare(b.ref));
}

/** `Zemskov 1991`, `Anderson and Silver 1985`, `Courtois et al. 1997`; the id when the source is unlisted. */
export function citeOf(data: ReportData, sourceId: string): string {
  const s = data.sources.find((x) => x.source_id === sourceId);
  if (!s) return sourceId;
  // Asides in parentheses ("(accessed 2026)", "(first name not given)") belong in the bibliography.
  const year = s.year.replace(/\s*\([^)]*\)/g, '').trim();
  return `${shortAuthor(s.author.replace(/\s*\([^)]*\)/g, ''))} ${year}`.trim();
}

/** Surnames only: `Conquest, Robert` → `Conquest`; two authors joined by "and", more as "et al.". */
export function shortAuthor(author: string): string {
  const text = author.trim();
  const etAl = /\bet al\.?$/.test(text);
  const people = text
    .replace(/\s*\bet al\.?$/, '')
    .split(/\s*;\s*|\s+(?:and|&)\s+/)
    .filter((p) => p !== '');
  const surname = (p: string) => (p.includes(',') ? (p.split(',')[0] ?? p).trim() : p);
  const names = people.map(surname);
  if (names.length === 0) return text;
  if (names.length > 2 || (etAl && names.length >= 1)) return `${names[0]} et al.`;
  return names.join(' and ');
}

/**
 * A label for each observation of one row: the source's short citation, and where a source gives two
 * figures, its page (`Conquest 1990, p. 14`) so that the reader can tell them apart; a bare "(2)"
 * would say nothing.
 */
export function observationLabels(data: ReportData, obs: Observation[]): string[] {
  const base = obs.map((o) => citeOf(data, o.source_id));
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const labels = base.map((b, i) => {
    const o = obs[i];
    if ((count.get(b) ?? 0) < 2 || !o) return b;
    return o.page ? `${b}, p. ${o.page}` : b;
  });
  // Still equal (no pages, or the same page): number them as "figure 1", "figure 2" of that source.
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const l of labels) total.set(l, (total.get(l) ?? 0) + 1);
  return labels.map((l) => {
    if ((total.get(l) ?? 0) < 2) return l;
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return `${l}, figure ${n}`;
  });
}

/** The widest label's width at the chart font, capped so that the plot keeps room; never clipped. */
export function labelColumnWidth(labels: string[], max = 300): number {
  const widest = Math.max(0, ...labels.map((l) => estimateTextWidth(l, FONT_PX)));
  return Math.min(max, widest + 6);
}

/** Break a label into lines of at most `width` px at the chart font (word wrap; long words kept). */
export function wrapLabel(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line === '' ? w : `${line} ${w}`;
    if (line !== '' && estimateTextWidth(next, FONT_PX) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** The spread above which a positive axis is drawn on a log scale. */
export const LOG_SPREAD = 20;

/** `scale="log|linear|auto"`: auto is log when every value is positive and max / min > LOG_SPREAD. */
export function chooseLog(values: number[], scale: string | undefined): boolean {
  if (scale === 'linear') return false;
  const finite = values.filter((v) => Number.isFinite(v));
  const positive = finite.length > 0 && finite.every((v) => v > 0);
  if (scale === 'log') return positive;
  if (!positive) return false;
  return Math.max(...finite) / Math.min(...finite) > LOG_SPREAD;
}

/** Persons are counted in millions on an axis once the figures reach a million (no bare "5M"). */
export function inMillions(unit: string, values: number[]): boolean {
  return unit === 'persons' && Math.max(...values.map(Math.abs)) >= 1e6;
}

/** An axis title that carries the unit, and says when the scale is logarithmic. */
export function axisTitle(unit: string, log: boolean, millions = false): string {
  const u = millions ? 'million persons' : unitText(unit);
  return log ? `${u}, log scale` : u;
}

/** A figure as printed in a label: `4.575 million` beside other millions, else as in the tables. */
export function figureText(value: number, unit: string, millions: boolean): string {
  if (!millions) return formatQuantity(value, unit);
  return `${formatNumberText(Number((value / 1e6).toPrecision(4)))} million`;
}

/** A value with its range, the unit once: `721,218 (642,980–799,455 persons)`, `5.25 (4–6.5 million)`. */
export function valueWithRange(
  value: number,
  low: number,
  high: number,
  unit: string,
  millions: boolean,
): string {
  const range = figureRange(low, high, unit, millions);
  if (low === high) return range;
  const bare = millions
    ? formatNumberText(Number((value / 1e6).toPrecision(4)))
    : figureText(value, unit, false).replace(/\s*[^\d,.\s−-].*$/, '');
  return `${bare} (${range})`;
}

export function figureRange(low: number, high: number, unit: string, millions: boolean): string {
  if (!millions) return formatRange(low, high, unit);
  if (low === high) return figureText(low, unit, true);
  const m = (v: number) => formatNumberText(Number((v / 1e6).toPrecision(4)));
  return `${m(low)}–${m(high)} million`;
}

/** The axis of a quantity: plain numbers, persons in millions when `millions`. */
export function quantityAxis(millions: boolean) {
  return millions ? { labelExpr: "format(datum.value / 1e6, '~g')" } : { format: ',~f' };
}

/** A subtitle broken into lines that fit the chart's width. */
export function wrapText(text: string, width: number): string[] {
  return wrapLabel(text, width);
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

export function panelTitle(
  data: ReportData,
  row: { measure_id: string; period_start: string; period_end: string },
) {
  const label = measureLabel(data, row.measure_id);
  const period = formatPeriod(row.period_start, row.period_end);
  return period === '' || label.includes(period) ? label : `${label}, ${period}`;
}

/** Option checks shared by kinds. */
export const UNITS_OPTION: OptionSpec = {
  name: 'units',
  help: 'plot only rows in these units, comma-separated unit ids as in measures.csv (e.g. `units="Mt,bn_kWh"`)',
  check: (v, data) => {
    const known = new Set(data.measures.map((m) => m.unit as string));
    const bad = v
      .split(',')
      .map((u) => u.trim())
      .filter((u) => !known.has(u));
    return bad.length === 0 ? null : `units="${v}": no measure is in ${bad.map((u) => `"${u}"`).join(', ')}`;
  },
};

export const SCALE_OPTION: OptionSpec = {
  name: 'scale',
  help: '`auto` (default: log when every value is positive and the largest is over 20 times the smallest), `log` or `linear`',
  check: (v) => (['auto', 'log', 'linear'].includes(v) ? null : `scale="${v}" must be auto, log or linear`),
};

export function positiveIntegerOption(name: string, help: string): OptionSpec {
  return {
    name,
    help,
    check: (v) => (/^[1-9]\d{0,2}$/.test(v) ? null : `${name}="${v}" must be a whole number from 1`),
  };
}

export function measureOption(name: string, help: string): OptionSpec {
  return {
    name,
    help,
    check: (v, data) =>
      data.measures.some((m) => m.measure_id === v)
        ? null
        : `${name}="${v}" names no measure in measures.csv`,
  };
}
