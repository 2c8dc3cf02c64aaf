// The clean stage keeps its observations once, in the staged observations.csv; a later process that needs
// them (a separate --stage run, or html after a skipped clean) reads them back from that file. The few
// fields the CSV cannot give back exactly travel beside it in clean.json. The `note` column is not kept:
// no later stage reads it (reconcile, charts and html work from the other fields), and keeping a
// million notes cost more than the rest of clean.json; read back, every note is empty.
import Papa from 'papaparse';
import { formatNumber, printsAsIs } from '../core/format-number.ts';
import type { Observation, Qualifier, Status, Unit } from '../core/types.ts';
import { OBSERVATION_COLUMNS, startsFormula } from './write-csv.ts';

/** What observations.csv cannot give back: a text that begins with `'`, digits past the sixth decimal. */
export type ObservationExtra = Partial<Pick<Observation, 'raw' | 'page' | 'value' | 'low' | 'high'>>;

/** [row index in observations.csv, the exact fields]; only rows that need it, so usually few. */
export type ObservationExtras = [number, ObservationExtra][];

function printsExactly(x: number): boolean {
  if (printsAsIs(x)) return !Object.is(x, -0);
  return Object.is(Number(formatNumber(x)), x);
}

/** What observations.csv cannot give back of one row, or null (most rows). */
export function observationExtra(
  o: Pick<Observation, 'raw' | 'page' | 'value' | 'low' | 'high'>,
): ObservationExtra | null {
  const extra: ObservationExtra = {};
  let any = false;
  // A text beginning with `'` cannot be told apart from a defused one when read back.
  if (o.raw.charCodeAt(0) === 39) {
    extra.raw = o.raw;
    any = true;
  }
  if (o.page.charCodeAt(0) === 39) {
    extra.page = o.page;
    any = true;
  }
  // Unrolled, and low/high checked only when they differ from the value (a million rows).
  const value = o.value;
  const valueExact = printsExactly(value);
  if (!valueExact) {
    extra.value = value;
    any = true;
  }
  if (!(valueExact && Object.is(o.low, value)) && !printsExactly(o.low)) {
    extra.low = o.low;
    any = true;
  }
  if (!(valueExact && Object.is(o.high, value)) && !printsExactly(o.high)) {
    extra.high = o.high;
    any = true;
  }
  return any ? extra : null;
}

export function observationExtras(observations: readonly Observation[]): ObservationExtras {
  const extras: ObservationExtras = [];
  for (let i = 0; i < observations.length; i++) {
    const extra = observationExtra(observations[i] as Observation);
    if (extra) extras.push([i, extra]);
  }
  return extras;
}

/** Undoes write-csv's defuse: `'=x` → `=x` (a leading `'` of the text itself is restored from the extras). */
function undefuse(text: string): string {
  if (text.charCodeAt(0) !== 39) return text;
  return startsFormula(text.charCodeAt(1)) ? text.slice(1) : text;
}

/** observations.csv (as the clean stage wrote it) and its extras → the observations, in file order. */
export function readObservationsCsv(text: string, extras: ObservationExtras): Observation[] {
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: true,
    delimiter: ',',
    newline: '\n',
  });
  const [header, ...rows] = parsed.data;
  const at = new Map((header ?? []).map((name, i) => [name, i]));
  const col = (name: (typeof OBSERVATION_COLUMNS)[number]): number => {
    const i = at.get(name);
    if (i === undefined) throw new Error(`observations.csv has no column ${name}`);
    return i;
  };
  const [source, measure, start, end, value, low, high, unit, qualifier, status, page, raw, ref] =
    OBSERVATION_COLUMNS.map(col) as number[];
  const observations = rows.map(
    (r): Observation => ({
      source_id: r[source as number] as string,
      measure_id: r[measure as number] as string,
      period_start: r[start as number] as string,
      period_end: r[end as number] as string,
      value: Number(r[value as number]),
      low: Number(r[low as number]),
      high: Number(r[high as number]),
      unit: r[unit as number] as Unit,
      qualifier: r[qualifier as number] as Qualifier,
      status: r[status as number] as Status,
      page: undefuse(r[page as number] as string),
      raw: undefuse(r[raw as number] as string),
      ref: r[ref as number] as string,
      note: '',
    }),
  );
  for (const [i, extra] of extras) Object.assign(observations[i] as Observation, extra);
  return observations;
}
