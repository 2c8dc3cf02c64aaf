// One (measure, period) group of observations → one reconciled row and its audit entry.
import type { AuditEntry, AuditObservation, Kind, Measure, ReconciledRow } from '../../core/types.ts';
import { judgeAgreement } from './agreement.ts';
import { supportOf, usedValue } from './bounds.ts';
import { explainObserved } from './explain.ts';
import type { ObservationGroup } from './group-observations.ts';
import { selectByPriority } from './method-priority.ts';
import { auditObservation, type RowAndAudit, type SourceFigure } from './model.ts';
import { oneVotePerSource } from './one-vote-per-source.ts';

const BOUND_IGNORED = 'a bound of a source that also gives an estimate: the estimate counts';

/** For measures whose method is `median` or `priority`; the caller routes derived methods elsewhere. */
export function reconcileGroup(
  group: ObservationGroup,
  measure: Measure,
  kindOf: ReadonlyMap<string, Kind>,
): RowAndAudit {
  const figures = oneVotePerSource(group.observations, kindOf);
  let used: SourceFigure[] = figures;
  let setAside: { figure: SourceFigure; reason: string }[] = [];
  let priority: { order: Kind[]; chosen: Kind | undefined } | undefined;
  if (measure.method.type === 'priority') {
    const selection = selectByPriority(figures, measure.method.order);
    used = selection.used;
    setAside = selection.setAside;
    priority = { order: measure.method.order, chosen: selection.chosen };
  }
  const result = usedValue(used);
  // Every source is judged, those set aside too (DESIGN §4).
  const { agreement, outliers } = judgeAgreement(figures, result.value, measure.tolerance);
  const support = supportOf(used, result, measure.tolerance);
  // Plain loops: this runs once per group, over every observation of a million-row input.
  let unverified = 0;
  const usedObservations: AuditObservation[] = [];
  const setAsideObservations: AuditEntry['set_aside'] = [];
  for (const f of used) {
    for (const o of f.counted) {
      if (o.status === 'unverified') unverified++;
      // The observation itself (it has every field of an AuditObservation): a copy per figure of a
      // million-row input was a million more objects for the collector; audit.json picks its fields.
      usedObservations.push(o);
    }
    if (f.counted.length !== f.observations.length)
      for (const o of f.observations)
        if (!f.counted.includes(o))
          setAsideObservations.push({ ...auditObservation(o), reason: BOUND_IGNORED });
  }
  for (const { figure, reason } of setAside) {
    for (const o of figure.observations) setAsideObservations.push({ ...auditObservation(o), reason });
  }

  const row: ReconciledRow = {
    measure_id: group.measure_id,
    period_start: group.period_start,
    period_end: group.period_end,
    value: result.value,
    low: result.low,
    high: result.high,
    unit: measure.unit,
    method: measure.method_text,
    n_sources: figures.length,
    agreement,
    sources: figures.map((f) => f.source_id),
    outliers,
    unverified,
    ...(result.bound ? { bound: result.bound } : {}),
    ...(support !== undefined ? { support } : {}),
  };
  const audit: AuditEntry = {
    measure_id: row.measure_id,
    period_start: row.period_start,
    period_end: row.period_end,
    method: row.method,
    used: usedObservations,
    set_aside: setAsideObservations,
    inputs: [],
    explanation: explainObserved({
      unit: measure.unit,
      tolerance: measure.tolerance,
      result,
      used,
      setAside: setAside.map((s) => s.figure),
      ...(priority ? { priority } : {}),
      outliers,
    }),
  };
  return { row, audit };
}
