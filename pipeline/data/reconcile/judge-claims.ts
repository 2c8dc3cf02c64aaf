// DESIGN §4 claims: each claim held against the reconciled row of its measure and period.
import { roundNoise } from '../../core/format-number.ts';
import { compareRefs, compareText } from '../../core/order.ts';
import type { Claim, ClaimAs, ClaimRow, Measure, Problem, ReconciledRow, Verdict } from '../../core/types.ts';
import { tidy } from './stats.ts';

/** `supported` when low × (1 − tol) ≤ claimed ≤ high × (1 + tol); rounded so decimal bounds hold exactly. */
export function verdictFor(claimed: number, row: { low: number; high: number }, tolerance: number): Verdict {
  const c = roundNoise(claimed);
  if (c < roundNoise(row.low * (1 - tolerance))) return 'understated';
  if (c > roundNoise(row.high * (1 + tolerance))) return 'overstated';
  return 'supported';
}

/**
 * A reading's verdict on its row. The interval is the row's `support` (DESIGN §4: outliers never support
 * a claim): on a contested row the hull of the agreeing sources' intervals. When no source agrees with
 * the value (`support` null) nothing can support the claim: above the value is `overstated`, else
 * `understated`. A `misattributed` reading within tolerance is `misattributed`, never `supported`.
 */
export function verdictOnRow(
  claimed: number,
  row: Pick<ReconciledRow, 'value' | 'low' | 'high' | 'support'>,
  tolerance: number,
  as: ClaimAs,
): Verdict {
  const support = row.support === undefined ? row : row.support;
  if (support === null) return roundNoise(claimed) > roundNoise(row.value) ? 'overstated' : 'understated';
  const verdict = verdictFor(claimed, support, tolerance);
  return verdict === 'supported' && as === 'misattributed' ? 'misattributed' : verdict;
}

/** The row a claim is held against: same period, or the measure's only row when the claim has none. */
export function rowForClaim(
  claim: Claim,
  rows: readonly ReconciledRow[],
): { row: ReconciledRow | undefined; why?: string } {
  if (claim.period_start === '' && claim.period_end === '') {
    if (rows.length === 1) return { row: rows[0] };
    if (rows.length === 0) return { row: undefined };
    return {
      row: undefined,
      why: `measure ${claim.measure_id} has ${rows.length} reconciled periods and the claim names none; give it a period`,
    };
  }
  return {
    row: rows.find((r) => r.period_start === claim.period_start && r.period_end === claim.period_end),
  };
}

export function judgeClaims(
  claims: readonly Claim[],
  measures: ReadonlyMap<string, Measure>,
  rowsByMeasure: ReadonlyMap<string, readonly ReconciledRow[]>,
): { rows: ClaimRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const sorted = [...claims].sort(
    (a, b) =>
      compareText(a.claim_id, b.claim_id) ||
      compareText(a.measure_id, b.measure_id) ||
      compareText(a.period_start, b.period_start) ||
      compareText(a.period_end, b.period_end) ||
      compareRefs(a.ref, b.ref),
  );
  const rows = sorted.map((claim): ClaimRow => {
    const measure = measures.get(claim.measure_id);
    const base = {
      claim_id: claim.claim_id,
      claim: claim.claim,
      measure_id: claim.measure_id,
      period_start: claim.period_start,
      period_end: claim.period_end,
      claimed: claim.claimed,
    };
    const none: ClaimRow = { ...base, value: null, low: null, high: null, ratio: null, verdict: 'no_data' };
    if (!measure) {
      problems.push({
        kind: 'fatal',
        code: 'unknown-measure',
        ref: claim.ref,
        message: `Claim ${claim.claim_id} names measure ${claim.measure_id}, which is not in measures.csv.`,
      });
      return none;
    }
    const { row, why } = rowForClaim(claim, rowsByMeasure.get(claim.measure_id) ?? []);
    if (why)
      problems.push({
        kind: 'warning',
        code: 'claim-no-period',
        ref: claim.ref,
        message: `Claim ${claim.claim_id}: ${why}.`,
      });
    if (!row) return none;
    return {
      ...base,
      value: row.value,
      low: row.low,
      high: row.high,
      ratio: row.value === 0 ? null : tidy(claim.claimed / row.value),
      verdict: verdictOnRow(claim.claimed, row, measure.tolerance, claim.as),
    };
  });
  return { rows, problems };
}
