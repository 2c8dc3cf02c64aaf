/**
 * A reject's cells (raw, reason) are capped: a rejected 50 MB value made a 157 MB rejects.csv (the raw
 * cell, and the reason quoting it), and the console printed it whole. The cell keeps its first
 * characters and says how long it was and where the rest is.
 */
export const REJECT_CELL_LIMIT = 1000;
const KEPT = 200;

export function capCell(text: string, limit = REJECT_CELL_LIMIT): string {
  if (text.length <= limit) return text;
  // Never cut a surrogate pair in two: half a character is not UTF-8.
  const code = text.charCodeAt(KEPT - 1);
  const keep = code >= 0xd800 && code <= 0xdbff ? KEPT - 1 : KEPT;
  return `${text.slice(0, keep)}… [cut: ${text.length} characters in all; the whole is at the ref in the raw file]`;
}
