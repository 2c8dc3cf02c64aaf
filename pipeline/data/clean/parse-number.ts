import type { Locale } from '../../core/types.ts';

export type NumberResult = { ok: true; value: number } | { ok: false; reason: string };

/**
 * How each locale writes numbers (sources.csv `locale`):
 * - en: `,` or a space groups thousands, `.` is the decimal point (`2,528,146.5`, `2 528 146`).
 * - de: `.` or a space groups thousands, `,` is the decimal comma (`2.528.146,5`); so `1.234` is 1234,
 *   and `2.5` is refused (a dot before fewer than three digits is not a German number).
 * - ru, fr: a space (plain, no-break U+00A0, thin U+2009/U+202F) groups thousands, `,` is the decimal
 *   comma (`2 528 146`, `20,6`); so `1,234` is 1.234. A single `.` with no comma is read as a decimal
 *   point (transcribers often type `2.5`); several dots, or dots with a comma, group thousands.
 * Grouped numbers need 1–3 digits first and exactly 3 digits in every later group.
 */
export function parseNumber(text: string, locale: Locale): NumberResult {
  const runs: string[] = [];
  const seps: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (start < 0) start = i;
      continue;
    }
    let sep: string;
    if (c === 44) sep = ',';
    else if (c === 46) sep = '.';
    else if (isSpaceCode(c)) sep = ' ';
    else return { ok: false, reason: `"${text}" is not a number` };
    if (start < 0) return { ok: false, reason: `"${text}" is not a number` };
    runs.push(text.slice(start, i));
    seps.push(sep);
    start = -1;
  }
  if (start < 0) return { ok: false, reason: `"${text}" is not a number` };
  runs.push(text.slice(start));
  if (seps.length === 0) return exactly(text, runs[0]!);

  const dec = decimalSeparator(seps, locale);
  const last = seps.length - 1;
  const hasDecimal = seps[last] === dec;
  const groupCount = hasDecimal ? last : seps.length;
  let group = '';
  for (let k = 0; k < groupCount; k++) {
    const s = seps[k]!;
    if (s === dec || (group !== '' && s !== group) || !groupAllowed(s, locale)) return bad(text, locale);
    group = s;
  }
  if (groupCount > 0) {
    const first = runs[0]!.length;
    if (first > 3) return bad(text, locale);
    for (let k = 1; k <= groupCount; k++) if (runs[k]!.length !== 3) return bad(text, locale);
  }
  let digits = '';
  for (let k = 0; k <= groupCount; k++) digits += runs[k];
  if (hasDecimal) digits += `.${runs[last + 1]}`;
  return exactly(text, digits);
}

/**
 * The number of plain `digits` (`123`, `4.56`), or a reason when a double cannot hold it as written:
 * `99999999999999999999 t` became 100000000000000000000 without a word. Integers must be at most 2^53
 * (every one up to there is a double); a decimal must come back from its double digit for digit.
 */
const TWO_TO_53 = 2n ** 53n;

function exactly(text: string, digits: string): NumberResult {
  const value = Number(digits);
  // A decimal keeps at most 15 significant digits: every such text comes back from its double, and the
  // clean stage's float-noise rounding (clean-value.ts, 15 digits) leaves it as it is.
  const held = digits.includes('.')
    ? significant(digits).length <= 15 && significant(digits) === significant(String(value))
    : BigInt(digits) <= TWO_TO_53;
  if (held) return { ok: true, value };
  return {
    ok: false,
    reason: `"${text}" cannot be held exactly as written (a figure keeps about 15 significant digits, a whole number at most 2^53 = 9007199254740992); round it to the digits the source vouches for`,
  };
}

/** The significant digits of a plain or exponent number text: `0.0120` and `1.2e-2` → `12`. */
function significant(number: string): string {
  const mantissa = number.split('e')[0]!.replace('.', '').replace(/^0+/, '');
  return mantissa.replace(/0+$/, '');
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2007 || c === 9;
}

function decimalSeparator(seps: string[], locale: Locale): string {
  if (locale === 'en') return '.';
  if (locale === 'de') return ',';
  if (seps.includes(',')) return ',';
  let dots = 0;
  for (const s of seps) if (s === '.') dots++;
  return dots === 1 ? '.' : ',';
}

function groupAllowed(sep: string, locale: Locale): boolean {
  if (sep === ' ') return true;
  if (locale === 'en') return sep === ',';
  return sep === '.';
}

const STYLE: Record<Locale, string> = {
  en: '"," or a space separates thousands (2,528,146) and "." decimals (20.6); if the source writes 20,6 set its locale to ru, de or fr in sources.csv',
  de: '"." or a space separates thousands (2.528.146) and "," decimals (20,6)',
  ru: 'a space separates thousands (2 528 146) and "," decimals (20,6)',
  fr: 'a space separates thousands (2 528 146) and "," decimals (20,6)',
};

function bad(text: string, locale: Locale): NumberResult {
  const article = locale === 'en' ? 'an' : 'a';
  return { ok: false, reason: `"${text}" is not a number in ${article} ${locale} source: ${STYLE[locale]}` };
}

/**
 * x × factor for a power-of-ten factor (a magnitude word, t → Mt), done as a decimal shift so that
 * 8589934592.3 million is 8589934592300000 and not 8589934592299999. Other factors multiply plainly.
 */
export function scaleBy(x: number, factor: number): number {
  if (factor === 1) return x;
  const k = Math.round(Math.log10(factor));
  const shortest = String(x);
  if (10 ** k !== factor || shortest.includes('e') || !Number.isFinite(x)) return x * factor;
  return Number(`${shortest}e${k}`);
}
