// Derived measures (DESIGN §4): ratio:a/b here; cagr:m, cagr:m@S/E in derive-cagr.ts; shared parts in
// derive-common.ts.

import type { Measure, Problem } from '../../core/types.ts';
import {
  type DeriveOutcome,
  derivedRow,
  fatal,
  list,
  outOfRange,
  periodText,
  round,
} from './derive-common.ts';
import { explainRatio } from './explain.ts';
import type { RowAndAudit } from './model.ts';

export { deriveCagrFromMultiple, deriveCagrFromSeries, rowAtYear } from './derive-cagr.ts';
export { type DeriveOutcome, sortRows, yearOf } from './derive-common.ts';

/** a / b for every period both have; the interval is the widest quotient of the two intervals. */
export function deriveRatio(
  measure: Measure,
  a: { measure: Measure; rows: readonly RowAndAudit[] },
  b: { measure: Measure; rows: readonly RowAndAudit[] },
): DeriveOutcome {
  const problems: Problem[] = [];
  for (const side of [a, b]) {
    if (side.rows.length === 0)
      problems.push(
        fatal(
          measure,
          'missing-input',
          `its input ${side.measure.measure_id} has no figures; add figures for ${side.measure.measure_id} or remove ${measure.measure_id}.`,
        ),
      );
  }
  if (problems.length > 0) return { rows: [], problems };
  const bByPeriod = new Map(b.rows.map((r) => [`${r.row.period_start}\u0000${r.row.period_end}`, r]));
  const rows: RowAndAudit[] = [];
  for (const ra of a.rows) {
    const rb = bByPeriod.get(`${ra.row.period_start}\u0000${ra.row.period_end}`);
    if (!rb) continue;
    const x = ra.row;
    const y = rb.row;
    const at = periodText(x);
    if (y.value === 0) {
      problems.push(
        fatal(measure, 'division-by-zero', `${y.measure_id} is 0 at ${at}, so the ratio is undefined.`),
      );
      continue;
    }
    if (y.low <= 0 && y.high >= 0) {
      problems.push(
        fatal(
          measure,
          'ratio-unbounded',
          `the range of ${y.measure_id} at ${at} (${y.low} to ${y.high}) includes 0, so the ratio has no bounds.`,
        ),
      );
      continue;
    }
    // For positive inputs this is DESIGN's a.low / b.high … a.high / b.low; min/max also covers signs.
    const q = [x.low / y.high, x.low / y.low, x.high / y.high, x.high / y.low];
    const estimate = round({ value: x.value / y.value, low: Math.min(...q), high: Math.max(...q) });
    // A divisor near 0 can give a ratio too large for a figure (clean keeps figures below it too).
    if (outOfRange(estimate)) {
      problems.push(
        fatal(
          measure,
          'ratio-out-of-range',
          `${x.measure_id} / ${y.measure_id} at ${at} is 10^21 or more (${y.measure_id} is ${y.low} to ${y.high}); check the figures of ${y.measure_id}.`,
        ),
      );
      continue;
    }
    const explanation = explainRatio(x, y, estimate, { a: x.unit, b: y.unit, result: measure.unit });
    rows.push(derivedRow(measure, x, estimate, [ra, rb], explanation));
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push(
      fatal(
        measure,
        'missing-input',
        `${a.measure.measure_id} and ${b.measure.measure_id} share no period ` +
          `(${a.measure.measure_id}: ${list(a.rows)}; ${b.measure.measure_id}: ${list(b.rows)}).`,
      ),
    );
  }
  return { rows, problems };
}
