import type { ProblemCode } from '../../core/types.ts';
// What the derived measures share: their problems, rounding, rows and order.

import { compareText } from '../../core/order.ts';
import type { AuditObservation, Measure, Problem, ReconciledRow } from '../../core/types.ts';
import { LARGEST_FIGURE } from '../clean/clean-value.ts';
import { compareGroupKeys } from './group-observations.ts';
import type { Estimate, RowAndAudit } from './model.ts';
import { tidy } from './stats.ts';

export interface DeriveOutcome {
  rows: RowAndAudit[];
  problems: Problem[];
}

export function fatal(measure: Measure, code: ProblemCode, message: string): Problem {
  return {
    kind: 'fatal',
    code,
    ref: measure.ref,
    message: `Measure ${measure.measure_id} (${measure.method_text}): ${message}`,
  };
}

export function round(e: Estimate): Estimate {
  return { value: tidy(e.value), low: tidy(e.low), high: tidy(e.high) };
}

/** The year a period string starts with (`1937`, `1937-08`, `1951-01-01`). */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

export function periodText(r: { period_start: string; period_end: string }): string {
  return r.period_start === r.period_end ? r.period_start : `${r.period_start}–${r.period_end}`;
}

/** A derived row: its sources are the union of its inputs', its observations theirs (once each). */
export function derivedRow(
  measure: Measure,
  period: { period_start: string; period_end: string },
  estimate: Estimate,
  inputs: readonly RowAndAudit[],
  explanation: string,
): RowAndAudit {
  const sources = [...new Set(inputs.flatMap((i) => i.row.sources))].sort(compareText);
  // Input by input, each already in order; an observation reached twice (x / x) is listed once.
  const seen = new Set<string>();
  const used: AuditObservation[] = [];
  for (const i of inputs) {
    for (const o of i.audit.used) {
      if (seen.has(o.ref)) continue;
      seen.add(o.ref);
      used.push(o);
    }
  }
  const row: ReconciledRow = {
    measure_id: measure.measure_id,
    period_start: period.period_start,
    period_end: period.period_end,
    ...estimate,
    unit: measure.unit,
    method: measure.method_text,
    n_sources: sources.length,
    agreement: 'derived',
    sources,
    outliers: [],
    unverified: used.filter((o) => o.status === 'unverified').length,
  };
  return {
    row,
    audit: {
      measure_id: row.measure_id,
      period_start: row.period_start,
      period_end: row.period_end,
      method: row.method,
      used,
      set_aside: [],
      inputs: inputs.map((i) => ({
        measure_id: i.row.measure_id,
        period_start: i.row.period_start,
        period_end: i.row.period_end,
        value: i.row.value,
      })),
      explanation,
    },
  };
}

/** Whether a derived estimate is not a figure: not finite, or 10^21 or more (see LARGEST_FIGURE). */
export function outOfRange(e: { value: number; low: number; high: number }): boolean {
  return !(
    Math.abs(e.value) < LARGEST_FIGURE &&
    Math.abs(e.low) < LARGEST_FIGURE &&
    Math.abs(e.high) < LARGEST_FIGURE
  );
}

export function sortRows(rows: RowAndAudit[]): RowAndAudit[] {
  return rows.sort((a, b) => compareGroupKeys(a.row, b.row));
}

/** Periods of rows, for a message (the first eight). */
export function list(rows: readonly RowAndAudit[]): string {
  const periods = rows.map((r) => periodText(r.row));
  return periods.length > 8 ? `${periods.slice(0, 8).join(', ')}, …` : periods.join(', ');
}
