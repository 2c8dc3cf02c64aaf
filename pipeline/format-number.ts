/**
 * Numbers as the clean files write them: plain decimal, no separators, no exponent, at most 6 decimals
 * with trailing zeros dropped (`102`, `5.75`, `2528146`, `14.583333`). Not finite → empty cell.
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
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

/** Round away float noise (0.1 + 0.2) before comparing or writing. */
export function roundNoise(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Number.parseFloat(x.toPrecision(12));
}
