import { type BuiltinUnit, UNITS, type Unit } from '../../core/types.ts';
import { matchPhrase, type PhraseTable, phraseTable } from './phrases.ts';
import { didYouMean } from './suggest.ts';
import { tokenize } from './tokenize.ts';

/** What a unit measures; figures convert only within one dimension. */
export type Dimension =
  | 'mass'
  | 'persons'
  | 'percent'
  | 'percent_per_year'
  | 'multiple'
  | 'hours'
  | 'years'
  | 'energy'
  | 'dollars'
  // A unit of data/raw/units.csv is a dimension of its own: it converts to nothing else.
  | `unit:${string}`;

/** A unit as a dimension and a scale in the dimension's base (t, person, %, ×, hour, year, kWh, $). */
export interface UnitSpec {
  dim: Dimension;
  scale: number;
}

export const MEASURE_UNITS: Record<BuiltinUnit, UnitSpec> = {
  t: { dim: 'mass', scale: 1 },
  kt: { dim: 'mass', scale: 1e3 },
  Mt: { dim: 'mass', scale: 1e6 },
  persons: { dim: 'persons', scale: 1 },
  percent: { dim: 'percent', scale: 1 },
  percent_per_year: { dim: 'percent_per_year', scale: 1 },
  multiple: { dim: 'multiple', scale: 1 },
  hours: { dim: 'hours', scale: 1 },
  years: { dim: 'years', scale: 1 },
  bn_kWh: { dim: 'energy', scale: 1e9 },
  int_dollars_2011: { dim: 'dollars', scale: 1 },
};

/** Units that already carry a magnitude: "17.7 million" into Mt could mean 17.7 Mt or 17.7 million t. */
export const SCALED_UNITS: ReadonlySet<Unit> = new Set<Unit>(['kt', 'Mt', 'bn_kWh']);

/** Units whose figures may be negative (a change); every other unit counts or measures something. */
export const SIGNED_UNITS: ReadonlySet<Unit> = new Set<Unit>(['percent', 'percent_per_year']);

/** A magnitude makes sense only for counts and amounts, not for "5 million %". */
const MAGNITUDE_DIMS: ReadonlySet<Dimension> = new Set<Dimension>(['mass', 'persons', 'energy', 'dollars']);
/** Custom units count or measure something the engine cannot know: "12 thousand hectares" is allowed. */
export function takesMagnitude(spec: UnitSpec): boolean {
  return MAGNITUDE_DIMS.has(spec.dim) || spec.dim.startsWith('unit:');
}

const u = (dim: Dimension, scale = 1): UnitSpec => ({ dim, scale });
const T = u('mass');
const PERSONS = u('persons');
const PERCENT = u('percent');
const PPY = u('percent_per_year');
const MULTIPLE = u('multiple');
export const HOURS = u('hours');
const MINUTES = u('hours', 1 / 60);
const YEARS = u('years');
const DOLLARS = u('dollars');

/** Unit words and symbols as they appear in a value or a unit cell (matched case-insensitively). */
export const UNIT_PHRASE_ENTRIES: readonly (readonly [string, UnitSpec])[] = [
  ...[
    't',
    'tonnes',
    'tonne',
    'tons',
    'ton',
    'metric tons',
    'metric tonnes',
    'т',
    'тонн',
    'тонны',
    'тонна',
  ].map((w) => [w, T] as const),
  ['kt', u('mass', 1e3)],
  ['kilotonnes', u('mass', 1e3)],
  ['mt', u('mass', 1e6)],
  ['megatonnes', u('mass', 1e6)],
  ...['persons', 'person', 'people', 'prisoners', 'prisoner', 'inmates', 'inmate', 'deaths', 'victims'].map(
    (w) => [w, PERSONS] as const,
  ),
  ...['workers', 'человек', 'чел.'].map((w) => [w, PERSONS] as const),
  ...['%', 'percent', 'per cent', 'pct', 'процентов', 'процента', 'процент'].map(
    (w) => [w, PERCENT] as const,
  ),
  ...[
    '% per year',
    '% per annum',
    '% a year',
    '%/yr',
    '%/year',
    '%/y',
    '% p.a.',
    '% pa',
    '% p.y.',
    '% yearly',
  ].map((w) => [w, PPY] as const),
  ...[
    '% annually',
    '% в год',
    'percent per year',
    'per cent per year',
    'percent a year',
    'per cent a year',
  ].map((w) => [w, PPY] as const),
  ['percent_per_year', PPY],
  ...['x', '×', 'times', 'fold', '-fold', 'раз', 'раза', 'multiple'].map((w) => [w, MULTIPLE] as const),
  ...['h', 'hr', 'hrs', 'hour', 'hours', '-hour', 'ч', 'час', 'часа', 'часов'].map(
    (w) => [w, HOURS] as const,
  ),
  ...['min', 'mins', 'minute', 'minutes', 'мин'].map((w) => [w, MINUTES] as const),
  ...['years', 'year', 'yrs', 'year-old', '-year-old', 'years old', 'years of age', 'лет'].map(
    (w) => [w, YEARS] as const,
  ),
  ['kwh', u('energy')],
  ['квт·ч', u('energy')],
  ['mwh', u('energy', 1e3)],
  ['gwh', u('energy', 1e6)],
  ['twh', u('energy', 1e9)],
  ['bn_kwh', u('energy', 1e9)],
  ...['$', 'dollars', 'int$', 'international dollars', 'int_dollars'].map((w) => [w, DOLLARS] as const),
];
export const UNIT_PHRASES: PhraseTable<UnitSpec> = phraseTable<UnitSpec>(UNIT_PHRASE_ENTRIES);

/** Magnitude words: they scale the number before any conversion. */
export const MAGNITUDES: PhraseTable<number> = phraseTable<number>([
  ...['thousand', 'thousands', 'k', 'тыс', 'тысяч', 'тысячи', 'тысяча'].map((w) => [w, 1e3] as const),
  ...['million', 'millions', 'm', 'mn', 'mln', 'mio', 'млн', 'миллион', 'миллиона', 'миллионов'].map(
    (w) => [w, 1e6] as const,
  ),
  ...['billion', 'billions', 'bn', 'млрд', 'миллиард', 'миллиарда', 'миллиардов'].map(
    (w) => [w, 1e9] as const,
  ),
]);

/**
 * The units a run knows: the built-in ones, and those data/raw/units.csv adds (clean/units.ts builds
 * the table). Everything that parses a unit takes one; the default is the built-in table.
 */
export interface UnitTable {
  /** Measure units (measures.csv `unit`) and what each measures. */
  measures: ReadonlyMap<string, UnitSpec>;
  /** The words and symbols of units in a value or unit cell. */
  phrases: PhraseTable<UnitSpec>;
  /** Custom units: how to write them, for a reject's reason. */
  hints: ReadonlyMap<string, string>;
  /** Custom units: the label printed after a number (units.csv `label`). */
  labels: ReadonlyMap<string, string>;
  /** For "did you mean". */
  vocabulary: readonly string[];
}

export const BUILTIN_UNITS: UnitTable = {
  measures: new Map(UNITS.map((name) => [name, MEASURE_UNITS[name]])),
  phrases: UNIT_PHRASES,
  hints: new Map(),
  labels: new Map(),
  get vocabulary() {
    return unitVocabulary();
  },
};

/** Can a figure in `from` be written in the measure's unit `to`? Percent is accepted into percent_per_year. */
export function canBecome(from: UnitSpec, to: Unit, units: UnitTable = BUILTIN_UNITS): boolean {
  const target = units.measures.get(to);
  if (!target) return false;
  return from.dim === target.dim || (from.dim === 'percent' && target.dim === 'percent_per_year');
}

/** Can a figure in this unit be negative? A change in percent can; custom units may (a temperature). */
export function isSigned(unit: Unit, units: UnitTable = BUILTIN_UNITS): boolean {
  return SIGNED_UNITS.has(unit) || (units.measures.get(unit)?.dim.startsWith('unit:') ?? false);
}

/** Do a unit cell and the unit in the value text say the same thing? */
export function sameUnit(a: UnitSpec, b: UnitSpec): boolean {
  if (a.dim === b.dim) return a.scale === b.scale;
  const pct = (d: Dimension) => d === 'percent' || d === 'percent_per_year';
  return pct(a.dim) && pct(b.dim);
}

const HINTS: Record<BuiltinUnit, string> = {
  t: 'use t, kt, Mt or a mass word like "tonnes"',
  kt: 'use kt, t, Mt or a mass word like "thousand tonnes"',
  Mt: 'use Mt, kt, t or a mass word like "million tonnes"',
  persons: 'use persons or a word like "people", "prisoners" or "inmates"',
  percent: 'use % or percent',
  percent_per_year: 'use % per year, %/yr, % p.a. or %',
  multiple: 'use x, ×, times or -fold',
  hours: 'use h, hours or min',
  years: 'use years',
  bn_kWh: 'use bn kWh, billion kWh, TWh or million kWh',
  int_dollars_2011: 'use int_dollars_2011 or $',
};

export function unitHint(unit: Unit, units: UnitTable = BUILTIN_UNITS): string {
  return (HINTS as Record<string, string>)[unit] ?? units.hints.get(unit) ?? `use ${unit}`;
}

export interface UnitCell {
  /** 1 when the cell names no magnitude. */
  magnitude: number;
  magnitudeText: string | null;
  unit: UnitSpec | null;
  unitText: string | null;
}

export type UnitCellResult = { ok: true; cell: UnitCell } | { ok: false; reason: string };

/** The `unit` cell: an optional magnitude and a unit (`Mt`, `million tonnes`, `bn kWh`, `%`, `persons`). */
export function parseUnitCell(text: string, units: UnitTable = BUILTIN_UNITS): UnitCellResult {
  const canonical = units.measures.get(text);
  if (canonical)
    return { ok: true, cell: { magnitude: 1, magnitudeText: null, unit: canonical, unitText: text } };
  const tokens = tokenize(text);
  let at = 0;
  let magnitude = 1;
  let magnitudeText: string | null = null;
  const mag = matchPhrase(MAGNITUDES, tokens, at, text);
  if (mag) {
    magnitude = mag.value;
    magnitudeText = mag.text;
    at = mag.end;
  }
  let unit: UnitSpec | null = null;
  let unitText: string | null = null;
  const found = matchPhrase(units.phrases, tokens, at, text);
  if (found) {
    unit = found.value;
    unitText = found.text;
    at = found.end;
  }
  if (at < tokens.length || (!unit && !magnitudeText)) {
    const t = tokens[at];
    const word = t?.kind === 'word' ? t.text : text;
    return {
      ok: false,
      reason: `unknown unit "${text}"${didYouMean(word, units.vocabulary)}; use a unit like t, Mt, million tonnes, persons, %, % per year, x, hours, years or bn kWh${units.labels.size > 0 ? `, or one of units.csv (${[...units.labels.keys()].join(', ')})` : ''}`,
    };
  }
  return { ok: true, cell: { magnitude, magnitudeText, unit, unitText } };
}

let vocabulary: string[] | undefined;
function unitVocabulary(): string[] {
  vocabulary ??= [...UNITS, ...UNIT_PHRASES.words, ...MAGNITUDES.words];
  return vocabulary;
}
