// compareRefs from write-csv, without allocating: it runs for every source with several figures.

const COLON = 58;

/** Same order as write-csv's compareRefs: file text, then line as a number (`a.csv:9` < `a.csv:10`). */
export function compareRefsFast(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a.lastIndexOf(':');
  const ib = b.lastIndexOf(':');
  // Same file-name length and same line-number length: plain text order is file, then line.
  if (ia === ib && ia >= 0 && a.length === b.length && noLeadingZero(a, ia) && noLeadingZero(b, ib)) {
    return a < b ? -1 : 1;
  }
  const fa = ia < 0 ? a.length : ia;
  const fb = ib < 0 ? b.length : ib;
  const common = Math.min(fa, fb);
  for (let i = 0; i < common; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (fa !== fb) return fa < fb ? -1 : 1;
  return lineOf(a, ia) - lineOf(b, ib);
}

function lineOf(ref: string, colon: number): number {
  if (colon < 0 || ref.charCodeAt(colon) !== COLON) return 0;
  let line = 0;
  for (let i = colon + 1; i < ref.length; i++) {
    const c = ref.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number(ref.slice(colon + 1)) || 0;
    line = line * 10 + c;
  }
  return line;
}

function noLeadingZero(ref: string, colon: number): boolean {
  return ref.charCodeAt(colon + 1) !== 48 || ref.length === colon + 2;
}
