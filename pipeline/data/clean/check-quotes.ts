// DESIGN §4: a claim's `quote` is the essay's own words, found verbatim in data/raw/essay.txt (or .md).
import type { Claim, Problem, RawEssay } from '../../core/types.ts';

/**
 * The text quotes are matched in: Unicode NFC, and every run of white space (spaces, tabs, line breaks,
 * no-break spaces) one space. Nothing else is forgiven — not case, quotation marks, dashes or
 * punctuation: a quote that differs there is not the essay's words.
 */
export function normaliseQuoteText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Where a quote sits in the essay (offset in the normalised text), or -1 when it is not there. */
export function quoteOffset(normalisedEssay: string, quote: string): number {
  const q = normaliseQuoteText(quote);
  return q === '' ? -1 : normalisedEssay.indexOf(q);
}

/**
 * Checks the readings together: with an essay, every quote must be in it (fatal, at the claims.csv
 * line) and a reading without a quote is a warning; the readings of one claim must share one stance
 * (fatal: the finding says whether the evidence bears the essay out, which depends on it).
 */
export function checkClaimReadings(claims: readonly Claim[], essay: RawEssay | null): Problem[] {
  const problems: Problem[] = [];
  const text = essay ? normaliseQuoteText(essay.text) : null;
  const stanceOf = new Map<string, Claim>();
  for (const c of claims) {
    if (essay && text !== null) {
      if (c.quote === '')
        problems.push({
          kind: 'warning',
          code: 'no-quote',
          ref: c.ref,
          message: `${c.ref}: claim ${c.claim_id} has no quote; give the essay's words in the quote column.`,
        });
      else if (quoteOffset(text, c.quote) < 0)
        problems.push({
          kind: 'fatal',
          code: 'quote-not-found',
          ref: c.ref,
          message: `${c.ref}: the quote of claim ${c.claim_id} ("${shorten(c.quote)}") is not in ${essay.path}; copy the essay's words exactly (line breaks and runs of spaces may differ).`,
        });
    }
    const first = stanceOf.get(c.claim);
    if (!first) stanceOf.set(c.claim, c);
    else if (first.stance !== c.stance)
      problems.push({
        kind: 'fatal',
        code: 'stance-mismatch',
        ref: c.ref,
        message: `${c.ref}: claim ${c.claim} has stance "${c.stance}" here but "${first.stance}" at ${first.ref}; its readings must share one stance.`,
      });
  }
  return problems;
}

function shorten(quote: string): string {
  const q = normaliseQuoteText(quote);
  return q.length <= 60 ? q : `${q.slice(0, 57)}…`;
}
