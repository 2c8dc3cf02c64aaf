import { capCell, REJECT_CELL_LIMIT } from '../../core/cap-reject.ts';
import { showHidden } from '../../core/hidden-chars.ts';
import { compareRefs } from '../../core/order.ts';
import { printable, shortenQuotes } from '../../core/problems.ts';
import type { Problem, Reject } from '../../core/types.ts';

/**
 * Pure: every reject of a run, ingest's (extra cells, hidden characters) and clean's, by ref, as
 * rejects.csv holds them: control and hidden characters escaped (a NUL shows as `\u0000`), long cells
 * capped. The build and --check both write them through here, so that they agree.
 */
export function rejectRows(ingestProblems: readonly Problem[], cleanRejects: readonly Reject[]): Reject[] {
  return [
    ...cleanRejects,
    ...ingestProblems.flatMap((p) =>
      p.kind === 'reject' ? [{ ref: p.ref, raw: p.raw, reason: p.message }] : [],
    ),
  ]
    .map((r) => ({ ref: r.ref, raw: capCell(showHidden(r.raw)), reason: capReason(printable(r.reason)) }))
    .sort((a, b) => compareRefs(a.ref, b.ref));
}

/** A long reason quotes a long cell: that quote is cut first (as on the console), then the whole. */
function capReason(reason: string): string {
  return reason.length > REJECT_CELL_LIMIT ? capCell(shortenQuotes(reason)) : reason;
}
