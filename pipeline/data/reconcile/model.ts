// Types private to the reconcile stage: a source's one vote, and a row with its audit entry.
import type { AuditEntry, AuditObservation, Kind, Observation, ReconciledRow } from '../../core/types.ts';

/** An interval `[low, high]` around a central value. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** A source's single vote for one measure and period (DESIGN §4: a source counts once). */
export interface SourceFigure extends Estimate {
  source_id: string;
  /** Undefined when the source is missing from sources.csv (clean reports that as fatal). */
  kind: Kind | undefined;
  /** Every observation of the source for the measure and period, ordered by ref. */
  observations: Observation[];
  /** Those the vote comes from: its estimates, or its bounds when it gives nothing else. */
  counted: Observation[];
  /**
   * Set when the source gives bounds only (DESIGN §4: a bound is a constraint, not an estimate): the
   * median of its `at_least` figures (floor) and of its `at_most` figures (ceiling). It then gives no
   * central value to a median and widens nothing; value = low = high = floor ?? ceiling, for the sentence.
   */
  bound?: { floor: number | null; ceiling: number | null };
}

export const isBound = (o: Observation): boolean => o.qualifier === 'at_least' || o.qualifier === 'at_most';

/** A reconciled row together with its audit entry; derived measures read both. */
export interface RowAndAudit {
  row: ReconciledRow;
  audit: AuditEntry;
}

export function auditObservation(o: Observation): AuditObservation {
  return {
    ref: o.ref,
    source_id: o.source_id,
    raw: o.raw,
    value: o.value,
    low: o.low,
    high: o.high,
    status: o.status,
  };
}
