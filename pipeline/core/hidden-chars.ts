/**
 * Characters a reader cannot see but that change what a cell says or shows (DESIGN §3 is silent; the
 * README's "Hidden characters" says the same). Three kinds, each handled its own way:
 * - controls: C0 (NUL…) but tab, LF and CR (which CSV allows in a cell), DEL, and C1. No printed figure
 *   holds one: they mean a damaged file or pasted binary, and no guess at the intended text is safe.
 *   The row is rejected (a fatal error in sources.csv and measures.csv, whose rows are not forgiven).
 * - bidi formatting: embeddings and overrides U+202A–202E, isolates U+2066–2069. They reorder the text
 *   around them ("102 t" displays as "t 201"), so the text seen in the spreadsheet is not the text held;
 *   stripping would publish a cell the editor never saw. Rejected, as controls.
 * - invisible marks: zero-width space, non-joiner and joiner U+200B–200D, word joiner U+2060, a BOM
 *   inside text U+FEFF, and the direction marks U+200E, U+200F, U+061C. They show nothing, so the cell
 *   without them is the cell as displayed: stripped, with a warning naming file:line and the column.
 *   So are the other characters that show nothing: invisible operators U+2061–2064, the Mongolian
 *   vowel separator U+180E, the interlinear annotation marks U+FFF9–FFFB and the tag characters
 *   U+E0000–E007F (a whole sentence can ride, unseen, in tags after "102 t").
 */
export type HiddenKind = 'control' | 'bidi' | 'invisible';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\u061c\u180e\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
const ANY =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\u180e\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;

/**
 * The same characters in a latin1 view of UTF-8 bytes (decode-utf8.ts): one test of a whole file tells
 * whether any cell needs a look, so clean files pay one scan and no per-cell work.
 */
const ANY_IN_BYTES =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8b-\x8f\xaa-\xae]|\xe2\x81[\xa0-\xa4\xa6-\xa9]|\xd8\x9c|\xe1\xa0\x8e|\xef\xbb\xbf|\xef\xbf[\xb9-\xbb]|\xf3\xa0[\x80\x81]/;

export function mayHoldHidden(latin1Bytes: string): boolean {
  return ANY_IN_BYTES.test(latin1Bytes);
}

const NAMES: Record<number, string> = {
  0: 'NUL',
  1564: 'Arabic letter mark',
  8203: 'zero width space',
  8204: 'zero width non-joiner',
  8205: 'zero width joiner',
  8206: 'left-to-right mark',
  8207: 'right-to-left mark',
  8234: 'left-to-right embedding',
  8235: 'right-to-left embedding',
  8236: 'pop directional formatting',
  8237: 'left-to-right override',
  8238: 'right-to-left override',
  8288: 'word joiner',
  8294: 'left-to-right isolate',
  8295: 'right-to-left isolate',
  8296: 'first strong isolate',
  8297: 'pop directional isolate',
  65279: 'zero width no-break space (BOM)',
};

/** `U+202E right-to-left override` (`U+0007` for a control without a common name), for messages. */
export function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  return name ? `${hex} ${name}` : hex;
}

export type HiddenFinding =
  | { kind: 'control' | 'bidi'; char: string }
  | { kind: 'invisible'; stripped: string; chars: string[] };

/**
 * Pure: what a cell hides, worst first (a control or a bidi character decides the row; invisible marks
 * are stripped). Null for a clean cell (the common case: one test).
 */
export function findHidden(cell: string): HiddenFinding | null {
  if (!ANY.test(cell)) return null;
  const control = CONTROL.exec(cell);
  if (control) return { kind: 'control', char: control[0] };
  const bidi = BIDI.exec(cell);
  if (bidi) return { kind: 'bidi', char: bidi[0] };
  const chars = [...new Set(cell.match(INVISIBLE) ?? [])];
  return { kind: 'invisible', stripped: cell.replace(INVISIBLE, ''), chars };
}

const SHOW = new RegExp(ANY.source, 'gu');

/**
 * Text with every hidden character written as `\u202e`, for rejects.csv and the console: a NUL or an
 * override must not travel on into a spreadsheet or a terminal, and the editor sees where it was.
 */
export function showHidden(text: string): string {
  return text.replace(SHOW, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
