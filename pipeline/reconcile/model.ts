// Types private to the reconcile stage: a source's one vote, and a row with its audit entry.
import type { AuditEntry, AuditObservation, Kind, Observation, ReconciledRow } from '../types.ts';

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
  /** The observations behind the vote, ordered by ref. */
  observations: Observation[];
}

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
