/**
 * Numbers as the clean files write them: plain decimal, no separators, no exponent, at most 6 decimals
 * with trailing zeros dropped (`102`, `5.75`, `2528146`, `14.583333`). Not finite → empty cell.
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  // Fast path (most cells of a million-row file): below 1e9, a number whose shortest text has no
  // exponent and at most 6 decimals prints exactly so after the rounding below (x × 1e6 is exact
  // enough there that the round trip gives x back).
  if (printsAsIs(x)) return String(x);
  const rounded = Math.round(x * 1e6) / 1e6;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  let text: string;
  if (Math.abs(rounded) >= 1e21) {
    // toFixed switches to exponent notation here; BigInt prints every digit.
    text = BigInt(Math.round(rounded)).toString();
  } else {
    text = rounded.toFixed(6);
  }
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * Whether formatNumber(x) is String(x): below 1e9, a number whose shortest text has no exponent and at
 * most 6 decimals (x × 1e6 is exact enough there that the rounding gives x back). Such a text also reads
 * back as exactly x.
 */
export function printsAsIs(x: number): boolean {
  if (!(x < 1e9 && x > -1e9)) return false;
  if (Number.isInteger(x)) return true;
  const text = String(x);
  const dot = text.indexOf('.');
  return dot >= 0 && text.length - dot <= 7 && text.indexOf('e') < 0;
}

/** Round away float noise (0.1 + 0.2) before comparing or writing. */
export function roundNoise(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number.parseFloat(x.toPrecision(12));
}

/** English month names, for dates in messages and in the report. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
