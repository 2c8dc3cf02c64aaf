import type { Estimate } from './model.ts';

/**
 * Drops the last-bit noise of float arithmetic (`(0.1 + 0.2) / 2`) but keeps 15 significant digits, so
 * a figure like 2528146.123456 passes through intact (format-number's roundNoise keeps only 12).
 */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number.parseFloat(x.toPrecision(15)) : x;
}

/**
 * Median of numbers, independent of their order: sorted first, the middle pair averaged. Only an
 * average is tidied, and never past the pair it sits between, so the median stays inside the hull.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] as number;
  const mean = lower + (upper - lower) / 2;
  const tidied = tidy(mean);
  return tidied >= lower && tidied <= upper ? tidied : mean;
}

/** The smallest interval holding every given interval. */
export function hull(intervals: readonly { low: number; high: number }[]): { low: number; high: number } {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const i of intervals) {
    if (i.low < low) low = i.low;
    if (i.high > high) high = i.high;
  }
  return { low, high };
}

/** Median of central values with the hull of the intervals. */
export function medianEstimate(figures: readonly Estimate[]): Estimate {
  return { value: median(figures.map((f) => f.value)), ...hull(figures) };
}
