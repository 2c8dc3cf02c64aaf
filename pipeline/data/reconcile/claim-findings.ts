// One finding per claim of the essay: its readings, the verdict on the claim, and whether the evidence
// bears the essay out. Pure: the clean claims, reconcile's verdict rows and rows, and the essay's text.

import { compareRefs, compareText } from '../../core/order.ts';
import type {
  Claim,
  ClaimFinding,
  ClaimRow,
  ReadingFinding,
  ReconciledRow,
  Verdict,
} from '../../core/types.ts';
import { normaliseQuoteText, quoteOffset } from '../clean/check-quotes.ts';
import { rowForClaim } from './judge-claims.ts';

export type { ClaimFinding, ReadingFinding } from '../../core/types.ts';

export interface FindingsInput {
  claims: readonly Claim[];
  verdicts: readonly ClaimRow[];
  reconciled: readonly ReconciledRow[];
  essay: string | null;
}

/**
 * The claim's verdict, from its readings, the first rule that applies:
 * 1. a `stated` reading is `supported` → `supported`;
 * 2. a `misattributed` reading is `misattributed` (the figure is real, of another measure than the
 *    essay names) → `misattributed`;
 * 3. the `stated` reading with data whose claimed/value ratio is closest to 1 (|log ratio|; ties: the
 *    first in claims.csv) decides → its `overstated` or `understated`;
 * 4. else `no_data` (no reading with data; a misattributed reading outside tolerance judges nothing the
 *    essay says).
 */
export function claimVerdict(readings: readonly ReadingFinding[]): Verdict {
  const stated = readings.filter((r) => r.as === 'stated' && r.verdict !== 'no_data');
  if (stated.some((r) => r.verdict === 'supported')) return 'supported';
  if (readings.some((r) => r.as === 'misattributed' && r.verdict === 'misattributed')) return 'misattributed';
  let best: ReadingFinding | undefined;
  for (const r of stated) if (!best || distance(r) < distance(best)) best = r;
  return best ? best.verdict : 'no_data';
}

function distance(r: ReadingFinding): number {
  if (r.ratio === null || r.ratio <= 0) return Number.POSITIVE_INFINITY;
  return Math.abs(Math.log(r.ratio));
}

/**
 * Whether the evidence bears the essay out: null when the verdict is `no_data`; for `asserts`, the
 * verdict is `supported`; for `disputes` (the essay reports the figure to reject it), the verdict is not
 * `supported` — no reading as the essay states it supports the figure it doubts. (A reading against the
 * very index the essay doubts, which measures something else than it names, is `misattributed`.)
 */
export function bornOut(verdict: Verdict, stance: Claim['stance']): boolean | null {
  if (verdict === 'no_data') return null;
  return stance === 'asserts' ? verdict === 'supported' : verdict !== 'supported';
}

/**
 * One finding per `claim`, ordered by where its quote stands in the essay (the earliest of its
 * readings' quotes); claims with no quote found follow, in claims.csv order (as do all without essay).
 * Readings stay in claims.csv order under their claim.
 */
export function claimFindings(input: FindingsInput): ClaimFinding[] {
  const text = input.essay === null ? null : normaliseQuoteText(input.essay);
  const verdictOf = new Map(input.verdicts.map((v) => [v.claim_id, v]));
  const rowsOf = new Map<string, ReconciledRow[]>();
  for (const r of input.reconciled) rowsOf.set(r.measure_id, [...(rowsOf.get(r.measure_id) ?? []), r]);
  const inFileOrder = [...input.claims].sort((a, b) => compareRefs(a.ref, b.ref));
  const groups = new Map<string, { claims: Claim[]; first: number }>();
  inFileOrder.forEach((c, i) => {
    const g = groups.get(c.claim);
    if (g) g.claims.push(c);
    else groups.set(c.claim, { claims: [c], first: i });
  });
  const unquoted = text === null ? 0 : text.length;
  const findings: ClaimFinding[] = [];
  for (const [claim, g] of groups) {
    let quote = g.claims.find((c) => c.quote !== '')?.quote ?? '';
    let order = unquoted + g.first;
    if (text !== null)
      for (const c of g.claims) {
        const at = quoteOffset(text, c.quote);
        if (at >= 0 && at < order) [order, quote] = [at, c.quote];
      }
    const readings = g.claims.flatMap((c) => reading(c, verdictOf.get(c.claim_id), rowsOf));
    const verdict = claimVerdict(readings);
    const stance = (g.claims[0] as Claim).stance;
    findings.push({ claim, quote, stance, order, readings, verdict, bornOut: bornOut(verdict, stance) });
  }
  return findings.sort((a, b) => a.order - b.order || compareText(a.claim, b.claim));
}

function reading(
  c: Claim,
  row: ClaimRow | undefined,
  rowsOf: ReadonlyMap<string, readonly ReconciledRow[]>,
): ReadingFinding[] {
  if (!row) return [];
  const held = row.verdict === 'no_data' ? undefined : rowForClaim(c, rowsOf.get(c.measure_id) ?? []).row;
  return [{ ...row, as: c.as, summary: c.summary, n_sources: held?.n_sources ?? 0 }];
}
