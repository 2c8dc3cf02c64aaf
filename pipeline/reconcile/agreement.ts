// DESIGN §4 agreement and outliers, for sources reconciled from observations (not derived rows).
import { roundNoise } from '../format-number.ts';
import type { Agreement } from '../types.ts';
import { compareText } from '../write-csv.ts';
import type { SourceFigure } from './model.ts';

export interface AgreementResult {
  agreement: Exclude<Agreement, 'derived'>;
  /** Sources failing the test, furthest from the value first, ties by id. */
  outliers: string[];
}

/**
 * A source agrees when `|c − value| ≤ tolerance × |value|` or its interval contains `value`.
 * Only the sources actually used are judged (those set aside by priority never make a row contested).
 */
export function judgeAgreement(
  used: readonly SourceFigure[],
  value: number,
  tolerance: number,
): AgreementResult {
  if (used.length === 1) return { agreement: 'single', outliers: [] };
  const limit = tolerance * Math.abs(value);
  const failing: { id: string; distance: number }[] = [];
  for (const f of used) {
    const distance = Math.abs(f.value - value);
    if (!agrees(f, value, distance, limit)) failing.push({ id: f.source_id, distance });
  }
  failing.sort((a, b) => b.distance - a.distance || compareText(a.id, b.id));
  return { agreement: failing.length === 0 ? 'consistent' : 'contested', outliers: failing.map((f) => f.id) };
}

function agrees(f: SourceFigure, value: number, distance: number, limit: number): boolean {
  if (f.low <= value && value <= f.high) return true;
  // Rounded so that a boundary written in decimal (0.3 vs 0.2 at 50 %) is not lost to float noise.
  // Rounding is monotonic and moves a number by far less than 1e-10 of it, so only a near tie needs it.
  if (distance <= limit) return true;
  if (distance > limit * (1 + 1e-10)) return false;
  return roundNoise(distance) <= roundNoise(limit);
}
