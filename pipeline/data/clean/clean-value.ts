import type { Locale, Qualifier, Unit } from '../../core/types.ts';
import { parseFigure } from './parse-figure.ts';
import { scaleBy } from './parse-number.ts';
import {
  BUILTIN_UNITS,
  canBecome,
  isSigned,
  parseUnitCell,
  SCALED_UNITS,
  sameUnit,
  takesMagnitude,
  type UnitSpec,
  type UnitTable,
  unitHint,
} from './parse-unit.ts';
import { inner } from './sort-by-group.ts';

/**
 * Figures stop short of 10^21: from there a number prints in exponent form, which the outputs do not
 * write, and its digits are partly made up by the conversion.
 */
export const LARGEST_FIGURE = 1e21;

/** A figure in the measure's unit, ready for an Observation or a Claim. */
export interface CleanValue {
  value: number;
  low: number;
  high: number;
  qualifier: Qualifier;
}

export type CleanValueResult = { ok: true; value: CleanValue } | { ok: false; reason: string };

/**
 * Parses a value cell (and its unit cell) into the measure's unit. The unit comes from the unit cell,
 * else the value text, else the measure (DESIGN §3). Pure; results are cached per
 * (text, unit cell, locale, measure unit) because real and generated data repeat values a lot.
 */
export function cleanValue(
  text: string,
  unitCell: string,
  locale: Locale,
  measureUnit: Unit,
  units: UnitTable = BUILTIN_UNITS,
): CleanValueResult {
  if (unitCell === '') {
    const plain = plainNumber(text, locale);
    if (plain !== null) {
      const x = plain;
      return { ok: true, value: { value: x, low: x, high: x, qualifier: 'exact' } };
    }
  }
  // Nested maps rather than one joined key: no key string is built per row.
  let tableCache = caches.get(units);
  if (!tableCache) {
    tableCache = new Map();
    caches.set(units, tableCache);
  }
  const byText = inner(inner(inner(tableCache, measureUnit), locale), unitCell);
  let result = byText.get(text);
  if (result === undefined) {
    result = compute(text, unitCell, locale, measureUnit, units);
    if (++cached > CACHE_LIMIT) {
      tableCache.clear();
      cached = 0;
    }
    byText.set(text, result);
  }
  return result;
}

const CACHE_LIMIT = 50_000;
type ValueCache = Map<Unit, Map<Locale, Map<string, Map<string, CleanValueResult>>>>;
// One cache per unit table: a units.csv alias changes what a text means.
const caches = new WeakMap<UnitTable, ValueCache>();
let cached = 0;

/** Fast path: digits with at most one `.` (en) — the bulk of real data — need no tokenizer. */
function plainNumber(text: string, locale: Locale): number | null {
  const n = text.length;
  if (n === 0 || n > 15) return null;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 46 && dot < 0 && locale === 'en' && i > 0 && i < n - 1) {
      dot = i;
      continue;
    }
    return null;
  }
  return Number(text);
}

function compute(
  text: string,
  unitCell: string,
  locale: Locale,
  measureUnit: Unit,
  units: UnitTable,
): CleanValueResult {
  const parsed = parseFigure(text, locale, units);
  if (!parsed.ok) return parsed;
  const fig = parsed.figure;
  let low = fig.low;
  let high = fig.high;
  let unit: UnitSpec | null = fig.unit;
  let unitText = fig.unitText;
  let magnitude = fig.magnitude;

  if (unitCell !== '') {
    const cell = parseUnitCell(unitCell, units);
    if (!cell.ok) return cell;
    const c = cell.cell;
    if (c.magnitudeText && fig.magnitude)
      return {
        ok: false,
        reason: `both the value "${text}" ("${fig.magnitude}") and the unit cell "${unitCell}" ("${c.magnitudeText}") give a magnitude; write it once`,
      };
    if (c.unit && fig.unit && !sameUnit(c.unit, fig.unit))
      return {
        ok: false,
        reason: `the unit cell "${unitCell}" contradicts the unit "${fig.unitText}" in the value "${text}"; keep one of them`,
      };
    if (c.unit) {
      unit = c.unit;
      unitText = unitCell;
    }
    if (c.magnitudeText) {
      magnitude = c.magnitudeText;
      low = scaleBy(low, c.magnitude);
      high = scaleBy(high, c.magnitude);
    }
  }

  const target = units.measures.get(measureUnit);
  // The catalog lets no measure through with a unit it does not know.
  if (!target) return { ok: false, reason: `unknown unit ${measureUnit} of the measure` };
  if (!unit) {
    if (magnitude && SCALED_UNITS.has(measureUnit))
      return {
        ok: false,
        reason: `"${text}" has a magnitude ("${magnitude}") but no unit, which is ambiguous for a measure in ${measureUnit}; write the unit (e.g. "${text} ${measureUnit === 'bn_kWh' ? 'kWh' : 't'}") or the figure in ${measureUnit}`,
      };
    unit = target;
    unitText = measureUnit;
  }
  if (!canBecome(unit, measureUnit, units))
    return {
      ok: false,
      reason: `unit "${unitText}" cannot become the measure's unit ${measureUnit} (${unitHint(measureUnit, units)})`,
    };
  if (magnitude && !takesMagnitude(unit))
    return {
      ok: false,
      reason: `a magnitude ("${magnitude}") does not fit a figure in ${measureUnit}: "${text}"`,
    };

  low = tidy(convert(low, unit.scale, target.scale));
  high = tidy(convert(high, unit.scale, target.scale));
  if (!Number.isFinite(low) || !Number.isFinite(high))
    return { ok: false, reason: `"${text}" is not a finite number` };
  if (Math.abs(low) >= LARGEST_FIGURE || Math.abs(high) >= LARGEST_FIGURE)
    return {
      ok: false,
      reason: `"${text}" is 10^21 ${measureUnit} or more, too large for a figure; check the digits and the unit`,
    };
  if (low < 0 && !isSigned(measureUnit, units))
    return { ok: false, reason: `"${text}" is negative, but a figure in ${measureUnit} cannot be` };
  const value = fig.qualifier === 'range' ? tidy((low + high) / 2) : low;
  return { ok: true, value: { value, low, high, qualifier: fig.qualifier } };
}

/**
 * Rounds away float noise (2.53 × 1e6 = 2530000.0000000005) at 15 significant digits, which keeps every
 * digit a source can print; integers up to 2^53, the common case, need no work (and must get none:
 * 9007199254740992 at 15 digits was written 9007199254740990).
 */
function tidy(x: number): number {
  return (Number.isInteger(x) && Math.abs(x) <= 2 ** 53) || !Number.isFinite(x)
    ? x
    : Number(x.toPrecision(15));
}

/** From a unit of `from` scale to one of `to` scale; powers of ten shift exactly (see scaleBy). */
function convert(x: number, from: number, to: number): number {
  if (from === to) return x;
  if (from > to) return scaleBy(x, from / to);
  const inverse = to / from;
  return Number.isInteger(Math.log10(inverse)) ? x / inverse : (x * from) / to;
}
