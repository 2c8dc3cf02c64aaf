import type { Token } from './tokenize.ts';

/** A table of token sequences (`% p.a.` = [`%`, `p.a.`]) matched longest-first at a position. */
export interface PhraseTable<T> {
  byFirst: Map<string, { keys: string[]; value: T }[]>;
  /** Every word in the table, for "did you mean". */
  words: Set<string>;
}

export function phraseTable<T>(entries: readonly (readonly [string, T])[]): PhraseTable<T> {
  const byFirst = new Map<string, { keys: string[]; value: T }[]>();
  const words = new Set<string>();
  for (const [phrase, value] of entries) {
    const keys = splitPhrase(phrase);
    const first = keys[0]!;
    let list = byFirst.get(first);
    if (!list) {
      list = [];
      byFirst.set(first, list);
    }
    list.push({ keys, value });
    for (const k of keys) if (/\p{L}/u.test(k)) words.add(k);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return { byFirst, words };
}

/** `% p.a.` → [`%`, `p.a.`]; `-fold` → [`-`, `fold`]; `%/yr` → [`%`, `/`, `yr`]. Same split as tokenize. */
function splitPhrase(phrase: string): string[] {
  const keys: string[] = [];
  for (const part of phrase.toLowerCase().split(' ')) {
    let word = '';
    for (const ch of part) {
      if (/[\p{L}._·]/u.test(ch)) word += ch;
      else {
        if (word) keys.push(word);
        word = '';
        keys.push(ch);
      }
    }
    if (word) keys.push(word);
  }
  return keys;
}

export interface PhraseMatch<T> {
  value: T;
  /** Index after the phrase. */
  end: number;
  /** As written. */
  text: string;
}

export function matchPhrase<T>(
  table: PhraseTable<T>,
  tokens: Token[],
  at: number,
  source: string,
): PhraseMatch<T> | null {
  const first = tokens[at];
  if (!first) return null;
  let list = table.byFirst.get(first.key);
  // A word's sentence-final dot is not part of it ("5 million.").
  if (!list && first.kind === 'word' && first.key.endsWith('.'))
    list = table.byFirst.get(first.key.slice(0, -1));
  if (!list) return null;
  for (const { keys, value } of list) {
    if (at + keys.length > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < keys.length; k++) {
      const t = tokens[at + k]!;
      if (
        t.key !== keys[k] &&
        !(t.kind === 'word' && t.key.slice(0, -1) === keys[k] && t.key.endsWith('.'))
      ) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const text = source.slice(first.start, tokens[at + keys.length - 1]!.end);
    return { value, end: at + keys.length, text };
  }
  return null;
}
