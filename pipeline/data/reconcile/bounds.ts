// DESIGN §4: bounds are constraints, not estimates. The value of the sources used, and what supports a claim.
import type { ReconciledRow } from '../../core/types.ts';
import { agreesWith } from './agreement.ts';
import type { Estimate, SourceFigure } from './model.ts';
import { hull, medianEstimate } from './stats.ts';

export interface UsedValue extends Estimate {
  /** Set when the sources used give bounds only: the value is the tightest bound, of this kind. */
  bound?: 'at_least' | 'at_most';
}

/**
 * The median of the estimates used with the hull of their intervals; bounds give no central value and
 * widen nothing. With bounds only: the tightest lower bound (the highest floor), else, with upper bounds
 * only, the tightest upper bound (the lowest ceiling); low = high = that bound.
 */
export function usedValue(used: readonly SourceFigure[]): UsedValue {
  const estimates = used.filter((f) => !f.bound);
  if (estimates.length > 0) return medianEstimate(estimates);
  let floor = Number.NEGATIVE_INFINITY;
  let ceiling = Number.POSITIVE_INFINITY;
  for (const f of used) {
    if (f.bound?.floor != null && f.bound.floor > floor) floor = f.bound.floor;
    if (f.bound?.ceiling != null && f.bound.ceiling < ceiling) ceiling = f.bound.ceiling;
  }
  if (floor > Number.NEGATIVE_INFINITY) return { value: floor, low: floor, high: floor, bound: 'at_least' };
  return { value: ceiling, low: ceiling, high: ceiling, bound: 'at_most' };
}

/**
 * What a claim on the row is judged on (ReconciledRow.support): the hull of the intervals of the used
 * estimates that agree with the value — outliers never support a claim. Undefined when that is the row's
 * own [low, high] (every used estimate agrees, or bounds only); null when no used estimate agrees.
 */
export function supportOf(
  used: readonly SourceFigure[],
  result: UsedValue,
  tolerance: number,
): ReconciledRow['support'] {
  if (result.bound) return undefined;
  const agreeing = used.filter((f) => !f.bound && agreesWith(f, result.value, tolerance));
  if (agreeing.length === 0) return null;
  const h = hull(agreeing);
  return h.low === result.low && h.high === result.high ? undefined : h;
}
