// cagr:m and cagr:m@S/E (DESIGN §4): yearly rates from a multiple, or from a series at two years.

import type { Measure, Problem } from '../../core/types.ts';
import {
  type DeriveOutcome,
  derivedRow,
  fatal,
  list,
  outOfRange,
  periodText,
  round,
  yearOf,
} from './derive-common.ts';
import { explainCagrMultiple, explainCagrSeries } from './explain.ts';
import type { RowAndAudit } from './model.ts';

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
