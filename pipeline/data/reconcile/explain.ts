// The arithmetic of each reconciled row in one sentence a reader can follow (audit.json).

import { numberCell } from '../../core/number-cell.ts';
import type { Kind, Unit } from '../../core/types.ts';
import type { Estimate, SourceFigure } from './model.ts';

const UNIT_LABELS: Record<string, string> = {
  t: 't',
  kt: 'kt',
  Mt: 'Mt',
  persons: 'persons',
  percent: '%',
  percent_per_year: '% per year',
  multiple: '×',
  hours: 'hours',
  years: 'years',
  bn_kWh: 'bn kWh',
  int_dollars_2011: 'int. $ (2011)',
};

// formatNumber's text, which numberCell gives in one String(x) where formatNumber takes two: a sentence
// per reconciled row formats a few numbers each, 125k rows on a million-row input.
const n = numberCell;

/** A unit of units.csv is written as its id (the report prints its label). */
export function unitLabel(unit: Unit): string {
  return UNIT_LABELS[unit] ?? unit;
}

/** `102 t`, `5.5 %`, `14 ×`. */
export function withUnit(x: number, unit: Unit): string {
  return `${n(x)} ${UNIT_LABELS[unit] ?? unit}`;
}

function range(e: { low: number; high: number }, unit: Unit): string {
  return e.low === e.high ? `${withUnit(e.low, unit)}` : `${n(e.low)}–${withUnit(e.high, unit)}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Long lists are cut: a sentence stays readable, and the audit's `used` lists every figure anyway. */
const LISTED = 12;

/** Formats only the items it shows: a group can hold many sources. */
function listed<T>(items: readonly T[], show: (item: T) => string): string {
  const shown = items.slice(0, LISTED).map(show).join(', ');
  return items.length <= LISTED ? shown : `${shown} and ${items.length - LISTED} more`;
}

export interface ObservedExplanation {
  unit: Unit;
  tolerance: number;
  /** The value; `bound` set when it is the tightest of bounds only. */
  result: Estimate & { bound?: 'at_least' | 'at_most' };
  used: readonly SourceFigure[];
  setAside: readonly SourceFigure[];
  /** Set when the method is priority. */
  priority?: { order: readonly Kind[]; chosen: Kind | undefined };
  outliers: readonly string[];
}

/** `≥ 5.2`, `≤ 8`, `≥ 5.2 and ≤ 8`: what a source of bounds only says. */
function boundText(f: SourceFigure): string {
  const b = f.bound;
  if (!b) return n(f.value);
  const floor = b.floor === null ? '' : `≥ ${n(b.floor)}`;
  const ceiling = b.ceiling === null ? '' : `≤ ${n(b.ceiling)}`;
  return floor && ceiling ? `${floor} and ${ceiling}` : floor || ceiling;
}

function priorityPart(e: ObservedExplanation): string | null {
  if (!e.priority) return null;
  const rule = `Priority ${e.priority.order.join('>')}`;
  return e.priority.chosen === undefined
    ? `${rule}: no ${e.priority.order.join(' or ')} source, so every source is used.`
    : `${rule}: ${plural(e.used.length, `${e.priority.chosen} source`)} used` +
        (e.setAside.length > 0
          ? `, ${e.setAside.length} set aside (${listed(e.setAside, (f) => f.source_id)}).`
          : '.');
}

/** How the value was reached (a clause): the median of the estimates, bounds named apart, or the tightest bound. */
function valuePart(e: ObservedExplanation): string {
  const estimates = e.used.filter((f) => !f.bound);
  const bounds = e.used.filter((f) => f.bound);
  const boundList = listed(bounds, (f) => `${f.source_id} ${boundText(f)}`);
  if (e.result.bound) {
    const word = e.result.bound === 'at_least' ? 'at least' : 'at most';
    return `Bounds only (${boundList} ${unitLabel(e.unit)}): no source gives an estimate, so the value is the tightest bound, ${word} ${withUnit(e.result.value, e.unit)}`;
  }
  const notInMedian = bounds.length > 0 ? `; bounds, not in the median: ${boundList}` : '';
  if (estimates.length === 1) {
    const f = estimates[0] as SourceFigure;
    const spread = e.result.low === e.result.high ? '' : `; range ${range(e.result, e.unit)}`;
    return `One ${bounds.length > 0 ? 'estimate' : 'source'} (${f.source_id}): ${withUnit(e.result.value, e.unit)}${spread}${notInMedian}`;
  }
  const word = bounds.length > 0 ? 'estimates' : 'sources';
  const list = listed(estimates, (f) => `${f.source_id} ${n(f.value)}`);
  return (
    `Median of ${estimates.length} ${word} (${list} ${unitLabel(e.unit)}) = ${withUnit(e.result.value, e.unit)}; ` +
    `range ${range(e.result, e.unit)}${notInMedian}`
  );
}

/** The agreement test over every source, those set aside too, as a clause; none for a single source. */
function agreementPart(e: ObservedExplanation): string | null {
  const all = [...e.used, ...e.setAside];
  if (all.length < 2) return null;
  const tol = `±${n(e.tolerance * 100)} %`;
  const of = e.setAside.length > 0 ? ` (those set aside included)` : '';
  if (e.outliers.length === 0)
    return `all within ${tol}${all.some((f) => f.bound) ? ", their own range or on a bound's side" : ' or their own range'}${of}`;
  const byId = new Map(all.map((f) => [f.source_id, f]));
  const shown = listed(e.outliers, (id) => {
    const f = byId.get(id);
    return `${id} (${f ? boundText(f) : '?'})`;
  });
  return `outside ${tol}${of}: ${shown}`;
}

/**
 * "Median of 3 sources (a 100, b 102, c 140 t) = 102 t; range 95–150 t; outside ±10 %: c (140)."
 * Prefixed by the priority choice and followed by sources that gave several figures.
 */
export function explainObserved(e: ObservedExplanation): string {
  const parts: string[] = [];
  const prio = priorityPart(e);
  if (prio) parts.push(prio);
  const agreement = agreementPart(e);
  parts.push(`${valuePart(e)}${agreement ? `; ${agreement}` : ''}.`);
  const several = e.used.filter((f) => f.counted.length > 1);
  for (const f of several.slice(0, LISTED)) {
    const what = f.bound ? 'bounds' : 'figures';
    parts.push(
      `${f.source_id} counted once: median of its ${f.counted.length} ${what} ` +
        `(${listed(f.counted, (o) => n(o.value))}) = ${f.bound ? boundText(f) : n(f.value)}` +
        (f.bound ? '.' : `, range ${range(f, e.unit)}.`),
    );
  }
  if (several.length > LISTED) parts.push(`${several.length - LISTED} more sources gave several figures.`);
  const ignored = e.used.filter((f) => f.counted.length < f.observations.length);
  if (ignored.length > 0)
    parts.push(`Bounds of ${listed(ignored, (f) => f.source_id)} set aside: each also gives an estimate.`);
  return parts.join(' ');
}

export function explainRatio(
  a: Estimate,
  b: Estimate,
  result: Estimate,
  units: { a: Unit; b: Unit; result: Unit },
): string {
  const main = `${withUnit(a.value, units.a)} ÷ ${withUnit(b.value, units.b)} = ${withUnit(result.value, units.result)}`;
  if (result.low === result.high) return `${main}.`;
  if (a.low >= 0 && b.low > 0) {
    return `${main}; range ${n(a.low)} ÷ ${n(b.high)} = ${n(result.low)} to ${n(a.high)} ÷ ${n(b.low)} = ${n(result.high)}.`;
  }
  return `${main}; range ${n(result.low)} to ${n(result.high)}, the extremes of the two ranges divided.`;
}

/** "(1.81)^(1/12) − 1 = 5.068 % per year; range …" */
export function explainCagrMultiple(multiple: Estimate, years: number, result: Estimate): string {
  const f = (m: number, r: number) => `(${n(m)})^(1/${years}) − 1 = ${n(r)} %`;
  const main = `${f(multiple.value, result.value)} per year`;
  if (multiple.low === multiple.high) return `${main}.`;
  return `${main}; range ${f(multiple.low, result.low)} to ${f(multiple.high, result.high)}.`;
}

/** "(46.3 / 12.1)^(1/12) − 1 = 11.82 % per year (1928 → 1940); range …" */
export function explainCagrSeries(
  start: Estimate,
  end: Estimate,
  years: { start: number; end: number },
  result: Estimate,
  unit: Unit,
): string {
  const span = years.end - years.start;
  const f = (e: number, s: number, r: number) => `(${n(e)} / ${n(s)})^(1/${span}) − 1 = ${n(r)} %`;
  const main =
    `From ${withUnit(start.value, unit)} in ${years.start} to ${withUnit(end.value, unit)} in ${years.end}: ` +
    `${f(end.value, start.value, result.value)} per year`;
  if (result.low === result.high) return `${main}.`;
  return `${main}; range ${f(end.low, start.high, result.low)} to ${f(end.high, start.low, result.high)}.`;
}
