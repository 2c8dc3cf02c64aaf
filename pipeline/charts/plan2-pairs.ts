// Matching each Second Five-Year Plan target with its outcome (see docs/measure-ids.md): the outcome is
// `plan2.outcome.<x>` when it exists, else `output.<x>` at the target's period, in the same unit.
import type { ReconciledRow, ReportData } from '../types.ts';
import { rowsWithPrefix, samePeriod } from './chart-data.ts';

export interface PlanPair {
  key: string;
  target: ReconciledRow;
  outcome: ReconciledRow;
}

function findOutcome(data: ReportData, key: string, target: ReconciledRow): ReconciledRow | undefined {
  const candidates = (id: string) =>
    data.reconciled.filter((r) => r.measure_id === id && r.unit === target.unit && Number.isFinite(r.value));
  const planned = candidates(`plan2.outcome.${key}`);
  const direct =
    planned.find((r) => samePeriod(r, target)) ?? (planned.length === 1 ? planned[0] : undefined);
  if (direct) return direct;
  const output = candidates(`output.${key}`);
  return (
    output.find((r) => samePeriod(r, target)) ??
    output.find((r) => r.period_start === target.period_end && r.period_end === target.period_end)
  );
}

/** Every target with an outcome. `plan2.target.coal-final` falls back to the outcome of `coal`. */
export function planPairs(data: ReportData): PlanPair[] {
  const pairs: PlanPair[] = [];
  for (const target of rowsWithPrefix(data, 'plan2.target.')) {
    const key = target.measure_id.slice('plan2.target.'.length);
    const parts = key.split('-');
    let outcome: ReconciledRow | undefined;
    for (let n = parts.length; n > 0 && !outcome; n--) {
      outcome = findOutcome(data, parts.slice(0, n).join('-'), target);
    }
    if (outcome) pairs.push({ key, target, outcome });
  }
  return pairs;
}

export function isChangeUnit(unit: string): boolean {
  return unit === 'percent' || unit === 'percent_per_year';
}
