import { isSpaceCode } from './parse-number.ts';

/**
 * A figure's text as tokens: numbers (digits with their `,` `.` and thousands-space separators, read
 * later by the source's locale), words (lower-cased `key`, a trailing `.` kept: `approx.`, `тыс.`,
 * `p.a.`) and single symbols (`~ > ≤ – % × : $ …`). One linear pass, no regular expressions.
 */
export type TokenKind = 'num' | 'word' | 'sym';

export interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** Lookup key: lower-cased words, the symbol itself, or `#` for a number. */
  key: string;
  /** Character offsets in the text. */
  start: number;
  end: number;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x400 && c <= 0x4ff)
  );
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c) || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      i = scanNumber(text, i);
      tokens.push({ kind: 'num', text: text.slice(start, i), key: '#', start, end: i });
      continue;
    }
    if (isLetter(c)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isLetter(d) || d === 95 /* _ */) i++;
        else if ((d === 0xb7 /* · */ || d === 46) /* . */ && i + 1 < n && isLetter(text.charCodeAt(i + 1)))
          i += 2;
        else break;
      }
      if (i < n && text.charCodeAt(i) === 46) i++; // approx. / тыс. / p.a.
      const word = text.slice(start, i);
      tokens.push({ kind: 'word', text: word, key: word.toLowerCase(), start, end: i });
      continue;
    }
    // Surrogate pairs stay whole so that an emoji is one unexpected symbol, not two halves.
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const sym = text.slice(start, i);
    tokens.push({ kind: 'sym', text: sym, key: sym, start, end: i });
  }
  return tokens;
}

/** Digits, with `,`/`.` before a digit, and a space before exactly three digits (`2 528 146`). */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  let groupStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c === 44 || c === 46) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
      i++;
      groupStart = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      continue;
    }
    if (
      isSpaceCode(c) &&
      i - groupStart <= 3 &&
      i + 3 < n &&
      isDigit(text.charCodeAt(i + 1)) &&
      isDigit(text.charCodeAt(i + 2)) &&
      isDigit(text.charCodeAt(i + 3)) &&
      !(i + 4 < n && isDigit(text.charCodeAt(i + 4)))
    ) {
      i++;
      groupStart = i;
      i += 3;
      continue;
    }
    break;
  }
  return i;
}
