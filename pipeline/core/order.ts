// The one sort order of the house: byte order of the text (`<`), refs by file then line number.

/** Orders refs by file, then by line as a number (`a.csv:9` before `a.csv:10`). */
export function compareRefs(a: string, b: string): number {
  const ia = a.lastIndexOf(':');
  const ib = b.lastIndexOf(':');
  const fa = ia < 0 ? a : a.slice(0, ia);
  const fb = ib < 0 ? b : b.slice(0, ib);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (Number(a.slice(ia + 1)) || 0) - (Number(b.slice(ib + 1)) || 0);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
