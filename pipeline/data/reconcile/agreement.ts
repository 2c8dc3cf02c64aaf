// DESIGN §4 agreement and outliers, for sources reconciled from observations (not derived rows).
import { roundNoise } from '../../core/format-number.ts';
import { compareText } from '../../core/order.ts';
import type { Agreement } from '../../core/types.ts';
import type { SourceFigure } from './model.ts';

export interface AgreementResult {
  agreement: Exclude<Agreement, 'derived'>;
  /** Sources failing the test, furthest from the value first, ties by id. */
  outliers: string[];
}

/**
 * Judged over every source of the measure and period — those set aside by priority too, so that a
 * popular figure that disagrees with the archive shows. `single` only for one source. An estimate
 * agrees when `|c − value| ≤ tolerance × |value|` or its interval contains `value`; a bound when the
 * value lies on its side, or within that tolerance of it.
 */
export function judgeAgreement(
  figures: readonly SourceFigure[],
  value: number,
  tolerance: number,
): AgreementResult {
  if (figures.length === 1) return { agreement: 'single', outliers: [] };
  const limit = tolerance * Math.abs(value);
  const failing: { id: string; distance: number }[] = [];
  for (const f of figures) {
    const distance = distanceFrom(f, value);
    if (!within(distance, limit)) failing.push({ id: f.source_id, distance });
  }
  failing.sort((a, b) => b.distance - a.distance || compareText(a.id, b.id));
  return { agreement: failing.length === 0 ? 'consistent' : 'contested', outliers: failing.map((f) => f.id) };
}

/** Whether one source agrees with the value (the test of judgeAgreement). */
export function agreesWith(f: SourceFigure, value: number, tolerance: number): boolean {
  return within(distanceFrom(f, value), tolerance * Math.abs(value));
}

/**
 * How far the value is from what the source says: 0 inside its interval (or on a bound's side), else
 * the distance to its central value (to the bound it falls outside of).
 */
function distanceFrom(f: SourceFigure, value: number): number {
  if (f.bound) {
    const below = f.bound.floor !== null && value < f.bound.floor ? f.bound.floor - value : 0;
    const above = f.bound.ceiling !== null && value > f.bound.ceiling ? value - f.bound.ceiling : 0;
    return Math.max(below, above);
  }
  if (f.low <= value && value <= f.high) return 0;
  return Math.abs(f.value - value);
}

function within(distance: number, limit: number): boolean {
  // Rounded so that a boundary written in decimal (0.3 vs 0.2 at 50 %) is not lost to float noise.
  // Rounding is monotonic and moves a number by far less than 1e-10 of it, so only a near tie needs it.
  if (distance <= limit) return true;
  if (distance > limit * (1 + 1e-10)) return false;
  return roundNoise(distance) <= roundNoise(limit);
}
