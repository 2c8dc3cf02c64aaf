// Derived measures (DESIGN §4): ratio:a/b and cagr:m, cagr:m@S/E, computed from reconciled rows.

import { LARGEST_FIGURE } from '../clean/clean-value.ts';
import type { AuditObservation, Measure, Problem, ReconciledRow } from '../types.ts';
import { compareText } from '../write-csv.ts';
import { explainCagrMultiple, explainCagrSeries, explainRatio } from './explain.ts';
import { compareGroupKeys } from './group-observations.ts';
import type { Estimate, RowAndAudit } from './model.ts';
import { tidy } from './stats.ts';

export interface DeriveOutcome {
  rows: RowAndAudit[];
  problems: Problem[];
}

function fatal(measure: Measure, code: string, message: string): Problem {
  return {
    kind: 'fatal',
    code,
    ref: measure.ref,
    message: `Measure ${measure.measure_id} (${measure.method_text}): ${message}`,
  };
}

function round(e: Estimate): Estimate {
  return { value: tidy(e.value), low: tidy(e.low), high: tidy(e.high) };
}

/** The year a period string starts with (`1937`, `1937-08`, `1951-01-01`). */
export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}

function periodText(r: { period_start: string; period_end: string }): string {
  return r.period_start === r.period_end ? r.period_start : `${r.period_start}–${r.period_end}`;
}

/** A derived row: its sources are the union of its inputs', its observations theirs (once each). */
function derivedRow(
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

function list(rows: readonly RowAndAudit[]): string {
  const periods = rows.map((r) => periodText(r.row));
  return periods.length > 8 ? `${periods.slice(0, 8).join(', ')}, …` : periods.join(', ');
}

function rate(multiple: number, years: number): number {
  return (multiple ** (1 / years) - 1) * 100;
}

/** cagr:m — the yearly rate of every multiple of m that spans at least one year. */
export function deriveCagrFromMultiple(
  measure: Measure,
  input: { measure: Measure; rows: readonly RowAndAudit[] },
): DeriveOutcome {
  const problems: Problem[] = [];
  const m = input.measure;
  if (m.unit !== 'multiple') {
    return {
      rows: [],
      problems: [
        fatal(
          measure,
          'cagr-not-multiple',
          `${m.measure_id} is in ${m.unit}, but cagr:<measure> needs a multiple over a span; use cagr:${m.measure_id}@<start>/<end> for a series.`,
        ),
      ],
    };
  }
  if (input.rows.length === 0) {
    return {
      rows: [],
      problems: [
        fatal(
          measure,
          'missing-input',
          `its input ${m.measure_id} has no figures; add figures for ${m.measure_id} or remove ${measure.measure_id}.`,
        ),
      ],
    };
  }
  const rows: RowAndAudit[] = [];
  for (const r of input.rows) {
    const x = r.row;
    const years = yearOf(x.period_end) - yearOf(x.period_start);
    if (!(years > 0)) {
      problems.push({
        kind: 'warning',
        code: 'cagr-no-span',
        ref: measure.ref,
        message: `Measure ${measure.measure_id}: ${m.measure_id} at ${periodText(x)} spans no whole year, so no yearly rate is derived from it.`,
      });
      continue;
    }
    if (!(x.low > 0)) {
      problems.push(
        fatal(
          measure,
          'cagr-non-positive',
          `${m.measure_id} at ${periodText(x)} is not above 0 (${x.low}), so it has no yearly rate.`,
        ),
      );
      continue;
    }
    const estimate = round({
      value: rate(x.value, years),
      low: rate(x.low, years),
      high: rate(x.high, years),
    });
    if (outOfRange(estimate)) {
      problems.push(
        fatal(
          measure,
          'cagr-out-of-range',
          `the yearly rate of ${m.measure_id} at ${periodText(x)} (${x.low} to ${x.high} ×) is 10^21 % or more; check the figures of ${m.measure_id}.`,
        ),
      );
      continue;
    }
    rows.push(derivedRow(measure, x, estimate, [r], explainCagrMultiple(x, years, estimate)));
  }
  if (rows.length === 0 && !problems.some((p) => p.kind === 'fatal')) {
    problems.push(fatal(measure, 'missing-input', `${m.measure_id} has no row spanning at least one year.`));
  }
  return { rows, problems };
}

/**
 * The row of a series at a year: the period `Y` itself, else the one single-date period in that year
 * (`1928-01-01` for a stock on 1 January). Spans never count as a value at a year.
 */
export function rowAtYear(rows: readonly RowAndAudit[], year: number): RowAndAudit[] {
  const y = String(year);
  const exact = rows.filter((r) => r.row.period_start === y && r.row.period_end === y);
  if (exact.length > 0) return exact;
  return rows.filter(
    (r) => r.row.period_start === r.row.period_end && r.row.period_start.startsWith(`${y}-`),
  );
}

/** cagr:m@S/E — (vE / vS)^(1/(E − S)) − 1, in percent, from the reconciled values of a series. */
export function deriveCagrFromSeries(
  measure: Measure,
  input: { measure: Measure; rows: readonly RowAndAudit[] },
  start: number,
  end: number,
): DeriveOutcome {
  const m = input.measure;
  if (!(end > start)) {
    return {
      rows: [],
      problems: [
        fatal(measure, 'cagr-bad-years', `the end year ${end} must come after the start year ${start}.`),
      ],
    };
  }
  const problems: Problem[] = [];
  const ends: RowAndAudit[] = [];
  for (const year of [start, end]) {
    const found = rowAtYear(input.rows, year);
    if (found.length === 1) ends.push(found[0] as RowAndAudit);
    else if (found.length === 0)
      problems.push(
        fatal(
          measure,
          'missing-input',
          `${m.measure_id} has no row for ${year}${input.rows.length > 0 ? ` (it has ${list(input.rows)})` : ''}.`,
        ),
      );
    else
      problems.push(
        fatal(
          measure,
          'ambiguous-input',
          `${m.measure_id} has several rows in ${year} (${list(found)}); give the series one row per year or name the year exactly.`,
        ),
      );
  }
  if (problems.length > 0) return { rows: [], problems };
  const [s, e] = ends as [RowAndAudit, RowAndAudit];
  if (!(s.row.low > 0 && e.row.low > 0)) {
    return {
      rows: [],
      problems: [
        fatal(
          measure,
          'cagr-non-positive',
          `${m.measure_id} must be above 0 at ${start} and ${end} for a yearly rate.`,
        ),
      ],
    };
  }
  const years = end - start;
  const estimate = round({
    value: rate(e.row.value / s.row.value, years),
    low: rate(e.row.low / s.row.high, years),
    high: rate(e.row.high / s.row.low, years),
  });
  if (outOfRange(estimate)) {
    return {
      rows: [],
      problems: [
        fatal(
          measure,
          'cagr-out-of-range',
          `the yearly rate of ${m.measure_id} from ${start} (${s.row.low} to ${s.row.high}) to ${end} (${e.row.low} to ${e.row.high}) is not finite or 10^21 % or more; check the figures of ${m.measure_id}.`,
        ),
      ],
    };
  }
  const explanation = explainCagrSeries(s.row, e.row, { start, end }, estimate, m.unit);
  return {
    rows: [
      derivedRow(
        measure,
        { period_start: String(start), period_end: String(end) },
        estimate,
        [s, e],
        explanation,
      ),
    ],
    problems: [],
  };
}

/** Whether a derived estimate is not a figure: not finite, or 10^21 or more (see LARGEST_FIGURE). */
function outOfRange(e: { value: number; low: number; high: number }): boolean {
  return !(
    Math.abs(e.value) < LARGEST_FIGURE &&
    Math.abs(e.low) < LARGEST_FIGURE &&
    Math.abs(e.high) < LARGEST_FIGURE
  );
}

export function sortRows(rows: RowAndAudit[]): RowAndAudit[] {
  return rows.sort((a, b) => compareGroupKeys(a.row, b.row));
}
