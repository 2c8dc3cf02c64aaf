/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), capped: returns cap + 1 when further. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > cap) return cap + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest word of `vocabulary` to `word`, when it is close enough to be a likely typo. */
export function suggest(word: string, vocabulary: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  // Short words allow one edit, longer ones two or three: "milion" → "million", but "abc" → nothing.
  const cap = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const candidate of vocabulary) {
    if (candidate.length < 2 && w.length > 2) continue;
    const d = editDistance(w, candidate.toLowerCase(), cap);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` or nothing. */
export function didYouMean(word: string, vocabulary: Iterable<string>): string {
  const s = suggest(word, vocabulary);
  return s === undefined ? '' : `; did you mean "${s}"?`;
}

/** `a, b or c` */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
