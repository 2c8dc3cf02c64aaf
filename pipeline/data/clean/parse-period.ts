import { MONTHS } from '../../core/format-number.ts';

/** A period as period_start and period_end, in ISO form as written (`1937`, `1935-08`, `1935-08-31`). */
export interface Period {
  start: string;
  end: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; reason: string };

// Anchored, no nested quantifiers: linear on any input.
const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const YEAR_DASH_NN = /^(\d{4})-(\d{2})$/;
const YEAR_DASH_YEAR = /^(\d{4})-(\d{4})$/;
const DATE_DASH_DATE = /^(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})$/;
// Split once runs of white space are one space: `\s*[/–—]\s*` on the cell itself rescanned a long run
// of spaces from every start in it, which took minutes for a cell of a million spaces.
const SEPARATOR = / ?[/–—] ?| [-−] /;
const WHITE_RUN = /\s+/g;

const FORMS =
  'write 1937, 1937-05, 1937-05-01, a span (1933-1937, 1933–37, 1930/31) or two dates (1941-06-22/1944-12-31)';

/**
 * Reads a period cell: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`; spans `YYYY–YYYY`, `YYYY-YYYY`, `YYYY/YYYY`,
 * `YYYY-YY`, `YYYY/YY` (`YYYY-NN` with NN 01–12 is a month); `start/end` of two dates. A two-digit end
 * year takes the start's century (`1933-37` → 1937); one that would end before the start is refused
 * rather than guessed into the next century (write `1999/2000`).
 */
export function parsePeriod(text: string): PeriodResult {
  const t = text.trim();
  if (t === '') return { ok: false, reason: `the period is empty; ${FORMS}` };
  const ym = YEAR_DASH_NN.exec(t);
  if (ym) {
    const nn = Number(ym[2]);
    if (nn >= 1 && nn <= 12) return single(t, t);
    if (nn === 0) return { ok: false, reason: `period "${t}" has no month 00; ${FORMS}` };
    return span(t, ym[1]!, ym[2]!);
  }
  if (POINT.test(t)) return single(t, t);
  const dd = YEAR_DASH_YEAR.exec(t) ?? DATE_DASH_DATE.exec(t);
  if (dd) return span(t, dd[1]!, dd[2]!);
  const parts = t.replace(WHITE_RUN, ' ').split(SEPARATOR);
  if (parts.length === 2) {
    const left = parts[0]!;
    const right = parts[1]!;
    if (POINT.test(left) && (POINT.test(right) || (/^\d{2}$/.test(right) && left.length === 4)))
      return span(t, left, right);
  }
  return { ok: false, reason: `period "${t}" is not a period; ${FORMS}` };
}

function single(text: string, point: string): PeriodResult {
  const problem = checkPoint(text, point);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, period: { start: point, end: point } };
}

function span(text: string, left: string, right: string): PeriodResult {
  const end = right.length === 2 ? `${left.slice(0, 2)}${right}` : right;
  const problem = checkPoint(text, left) ?? checkPoint(text, end);
  if (problem) return { ok: false, reason: problem };
  if (lastDay(end) < firstDay(left)) {
    const read = right.length === 2 ? ` (read as ${left} to ${end}; write the end year in full)` : '';
    return { ok: false, reason: `period "${text}" ends before it starts${read}` };
  }
  return { ok: true, period: { start: left, end } };
}

/** A real calendar date: month 01–12, day within the month (leap years counted). */
function checkPoint(text: string, point: string): string | null {
  if (point.length === 4) return null;
  const year = Number(point.slice(0, 4));
  const month = Number(point.slice(5, 7));
  if (month < 1 || month > 12) return `period "${text}" has no month ${point.slice(5, 7)}; ${FORMS}`;
  if (point.length === 7) return null;
  const day = Number(point.slice(8, 10));
  const days = daysIn(year, month);
  if (day < 1 || day > days)
    return `period "${text}" is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days`;
  return null;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function firstDay(point: string): string {
  return point.length === 4 ? `${point}-01-01` : point.length === 7 ? `${point}-01` : point;
}

function lastDay(point: string): string {
  if (point.length === 4) return `${point}-12-31`;
  if (point.length === 7) return `${point}-${daysIn(Number(point.slice(0, 4)), Number(point.slice(5, 7)))}`;
  return point;
}
