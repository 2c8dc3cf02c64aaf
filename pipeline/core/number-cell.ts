import { formatNumber } from './format-number.ts';

/**
 * formatNumber(x) for a number cell, its fast paths inlined (format-number.ts itself is left as it is: its
 * bytes are part of the edition fingerprint). A 32-bit integer (-0 included, which String prints as `0`)
 * prints as itself, as x × 1e6 < 2^53 rounds back to x; below 1e9, so does a number whose shortest text
 * has no exponent and at most 6 decimals (printsAsIs, with the text made once).
 */
export function numberCell(x: number): string {
  if ((x | 0) === x) return String(x);
  if (x < 1e9 && x > -1e9) {
    const text = String(x);
    const dot = text.indexOf('.');
    if (dot >= 0 && text.length - dot <= 7 && text.indexOf('e') < 0) return text;
  }
  return formatNumber(x);
}
