// The reconcile stage's pure core (DESIGN §4): observations → reconciled rows, claim verdicts, audit.

import { compareText } from '../../core/order.ts';
import type {
  Claim,
  Kind,
  Measure,
  Observation,
  Problem,
  ReconciledRow,
  ReconcileResult,
  Source,
} from '../../core/types.ts';
import { readAhead, readObservationAhead } from '../../io/read-ahead.ts';
import { inputsOf, isDerived, planDerivations } from './dependency-order.ts';
import {
  type DeriveOutcome,
  deriveCagrFromMultiple,
  deriveCagrFromSeries,
  deriveRatio,
  sortRows,
} from './derive.ts';
import { groupObservations, type ObservationGroup } from './group-observations.ts';
import { judgeClaims } from './judge-claims.ts';
import type { RowAndAudit } from './model.ts';
import { reconcileGroup } from './reconcile-group.ts';
import { compareRefsFast } from './ref-order.ts';

export interface ReconcileInput {
  sources: Source[];
  measures: Measure[];
  observations: Observation[];
  claims: Claim[];
}

/** Pure and deterministic: the same rows in any order give the same result. */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const problems: Problem[] = [];
  const measures = new Map(input.measures.map((m) => [m.measure_id, m]));
  const kindOf = new Map<string, Kind>(input.sources.map((s) => [s.source_id, s.kind]));
  const rowsByMeasure = new Map<string, RowAndAudit[]>();
  const skipped = new Map<string, number>();
  const unknownSources = new Map<string, { ref: string; count: number }>();

  const groups = groupObservations(input.observations);
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as ObservationGroup;
    // The next group's observations are read ahead (read-ahead.ts): fetched together, not one by one.
    const next = groups[g + 1];
    if (next) readAhead(next.observations, 0, next.observations.length, readObservationAhead);
    const measure = measures.get(group.measure_id);
    if (!measure || isDerived(measure.method)) {
      skipped.set(group.measure_id, (skipped.get(group.measure_id) ?? 0) + group.observations.length);
      continue;
    }
    for (const o of group.observations) {
      if (kindOf.has(o.source_id)) continue;
      const seen = unknownSources.get(o.source_id);
      if (!seen) unknownSources.set(o.source_id, { ref: o.ref, count: 1 });
      else {
        seen.count++;
        if (compareRefsFast(o.ref, seen.ref) < 0) seen.ref = o.ref;
      }
    }
    const list = rowsByMeasure.get(group.measure_id);
    const result = reconcileGroup(group, measure, kindOf);
    if (list) list.push(result);
    else rowsByMeasure.set(group.measure_id, [result]);
  }
  // One problem per unknown source, at its first figure (clean reports these too; this is a guard).
  for (const [id, { ref, count }] of [...unknownSources].sort(([x], [y]) => compareText(x, y))) {
    problems.push({
      kind: 'fatal',
      code: 'unknown-source',
      ref,
      message: `${count} observation(s) of source ${id}, which is not in sources.csv; add the source or rename the file.`,
    });
  }
  for (const [id, count] of [...skipped].sort(([a], [b]) => compareText(a, b))) {
    const measure = measures.get(id);
    problems.push(
      measure
        ? {
            kind: 'warning',
            code: 'derived-has-observations',
            ref: measure.ref,
            message: `Measure ${id} is derived (${measure.method_text}); its ${count} transcribed figure(s) are ignored. Move them to a measure of their own to compare them.`,
          }
        : {
            kind: 'fatal',
            code: 'unknown-measure',
            ref: input.observations.find((o) => o.measure_id === id)?.ref ?? 'observations',
            message: `${count} observation(s) name measure ${id}, which is not in measures.csv.`,
          },
    );
  }

  const plan = planDerivations(input.measures);
  problems.push(...plan.problems);
  const failed = new Set(plan.broken);
  for (const id of plan.order) {
    const measure = measures.get(id) as Measure;
    if (failed.has(id)) continue;
    // A measure whose input could not be computed is skipped: the input's own problem says why.
    if (inputsOf(measure.method).some((i) => failed.has(i))) {
      failed.add(id);
      continue;
    }
    const outcome = derive(measure, measures, rowsByMeasure);
    problems.push(...outcome.problems);
    if (outcome.problems.some((p) => p.kind === 'fatal')) failed.add(id);
    if (outcome.rows.length > 0) rowsByMeasure.set(id, sortRows(outcome.rows));
  }

  const all = sortRows([...rowsByMeasure.values()].flat());
  const reconciled: ReconciledRow[] = all.map((r) => r.row);
  const plainRows = new Map<string, ReconciledRow[]>();
  for (const [id, list] of rowsByMeasure)
    plainRows.set(
      id,
      list.map((r) => r.row),
    );
  const claims = judgeClaims(input.claims, measures, plainRows);
  problems.push(...claims.problems);
  return { reconciled, claims: claims.rows, audit: all.map((r) => r.audit), problems };
}

function derive(
  measure: Measure,
  measures: ReadonlyMap<string, Measure>,
  rows: ReadonlyMap<string, RowAndAudit[]>,
): DeriveOutcome {
  const input = (id: string) => ({
    measure: measures.get(id) as Measure,
    rows: sortRows([...(rows.get(id) ?? [])]),
  });
  const method = measure.method;
  if (method.type === 'ratio')
    return deriveRatio(measure, input(method.numerator), input(method.denominator));
  if (method.type === 'cagr') {
    if (method.start !== undefined && method.end !== undefined)
      return deriveCagrFromSeries(measure, input(method.measure), method.start, method.end);
    return deriveCagrFromMultiple(measure, input(method.measure));
  }
  return { rows: [], problems: [] };
}
