// Raw directives → checked directives against the data, or `ref:LINE: reason` errors (all collected).
import type { ReconciledRow, ReportData } from '../../core/types.ts';
import { CHART_KINDS, type ChartKind, type ChartRequest } from './chart-api.ts';
import { APPARATUS, type ApparatusName, type Directive, HELPERS } from './directive.ts';
import type { Arg, RawDirective } from './parse-directives.ts';
import { matchPattern } from './pattern.ts';

export interface CheckContext {
  data: ReportData;
  rowsByMeasure: Map<string, ReconciledRow[]>;
  measureIds: string[];
  /** Chart ids already taken (the checker makes them unique). */
  chartIds: Set<string>;
  checkChart: (req: ChartRequest) => string | null;
}

export type Checked = { ok: true; directive: Directive } | { ok: false; message: string };

const fail = (message: string): Checked => ({ ok: false, message });

/** `1937`, `1933–1937`, … as a row of the measure writes them. */
export function periodForms(row: { period_start: string; period_end: string }): string[] {
  const { period_start: s, period_end: e } = row;
  if (s === e || e === '') return [s];
  return [`${s}–${e}`, `${s}-${e}`, `${s}/${e}`, `${s}—${e}`];
}

function periodList(rows: ReconciledRow[]): string {
  const list = rows.map((r) => periodForms(r)[0]!);
  return list.length > 6 ? [...list.slice(0, 3), '…', ...list.slice(-2)].join(', ') : list.join(', ');
}

function argText(a: Arg): string | null {
  return a.ok ? a.value : null;
}

function onlyKeys(d: RawDirective, allowed: string[]): string | null {
  const bad = Object.keys(d.hash).filter((k) => !allowed.includes(k));
  if (bad.length === 0) return null;
  return `{{${d.name}}} takes no ${bad.map((k) => `${k}=`).join(', ')}${allowed.length ? ` (it takes ${allowed.map((k) => `${k}=`).join(', ')})` : ''}`;
}

function nonLiteral(d: RawDirective): string | null {
  for (const [key, a] of Object.entries(d.hash))
    if (!a.ok) return `${key}= must be quoted: ${key}="${a.text}"`;
  for (const a of d.params) if (!a.ok) return `quote the argument: {{${d.name} "${a.text}"}}`;
  return null;
}

function checkFigure(d: RawDirective, ref: string, ctx: CheckContext): Checked {
  const bad = onlyKeys(d, ['period']);
  if (bad) return fail(bad);
  if (d.params.length !== 1) return fail('{{figure}} takes one measure id: {{figure "MEASURE" period="P"}}');
  const measure = argText(d.params[0]!)!;
  if (!ctx.measureIds.includes(measure)) return fail(`unknown measure "${measure}" (not in measures.csv)`);
  const rows = ctx.rowsByMeasure.get(measure) ?? [];
  if (rows.length === 0) return fail(`measure "${measure}" has no reconciled figure to show`);
  const period = d.hash.period ? argText(d.hash.period)! : null;
  let row: ReconciledRow | undefined;
  if (period === null) {
    if (rows.length > 1)
      return fail(
        `measure "${measure}" has ${rows.length} periods (${periodList(rows)}); say which with period="…"`,
      );
    row = rows[0];
  } else {
    row = rows.find((r) => periodForms(r).includes(period.trim()));
    if (!row)
      return fail(
        `measure "${measure}" has no figure for period "${period}" (it has ${rows.length === 1 ? '' : `${rows.length}: `}${periodList(rows)})`,
      );
  }
  return {
    ok: true,
    directive: {
      type: 'figure',
      index: d.index,
      ref,
      measure,
      periodStart: row!.period_start,
      periodEnd: row!.period_end,
    },
  };
}

function matchMeasures(pattern: string | null, ctx: CheckContext, name: string): string[] | string {
  if (pattern === null || pattern.trim() === '') return `{{${name}}} needs measures="PATTERN"`;
  const { matched, unmatched } = matchPattern(pattern, ctx.measureIds);
  if (unmatched.length > 0)
    return `${unmatched.map((p) => `"${p}"`).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no measure`;
  return matched;
}

function checkTable(d: RawDirective, ref: string, ctx: CheckContext): Checked {
  const bad = onlyKeys(d, ['measures']);
  if (bad) return fail(bad);
  if (d.params.length > 0)
    return fail('{{table}} takes no positional argument: {{table measures="PATTERN"}}');
  const measures = matchMeasures(d.hash.measures ? argText(d.hash.measures) : null, ctx, 'table');
  if (typeof measures === 'string') return fail(measures);
  return { ok: true, directive: { type: 'table', index: d.index, ref, measures } };
}

/** A stable id from the title (`forest-deaths-by-period`), unique in the report. */
export function chartId(kind: string, title: string, taken: Set<string>): string {
  const slug =
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'chart';
  let id = `${kind}-${slug}`;
  for (let n = 2; taken.has(id); n++) id = `${kind}-${slug}-${n}`;
  taken.add(id);
  return id;
}

function checkChart(d: RawDirective, ref: string, ctx: CheckContext): Checked {
  if (d.params.length !== 1)
    return fail(
      `{{chart}} takes one kind: {{chart "KIND" measures="PATTERN" title="…"}} (kinds: ${CHART_KINDS.join(', ')})`,
    );
  const kind = argText(d.params[0]!)!;
  if (!(CHART_KINDS as readonly string[]).includes(kind))
    return fail(`unknown chart kind "${kind}" (kinds: ${CHART_KINDS.join(', ')})`);
  const { measures: pattern, title, period, ...rest } = d.hash;
  const measures = matchMeasures(pattern ? argText(pattern) : null, ctx, 'chart');
  if (typeof measures === 'string') return fail(measures);
  const titleText = title ? argText(title)!.trim() : '';
  if (titleText === '') return fail('{{chart}} needs a title="…" (the caption and the screen-reader name)');
  const options = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, argText(v)!]));
  const request: ChartRequest = {
    id: chartId(kind, titleText, ctx.chartIds),
    kind: kind as ChartKind,
    measures,
    title: titleText,
    ...(period ? { period: argText(period)! } : {}),
    options,
  };
  const problem = ctx.checkChart(request);
  if (problem) return fail(problem);
  return { ok: true, directive: { type: 'chart', index: d.index, ref, request } };
}

/** One raw directive → a checked one, or the sentence its error prints after `ref:LINE: `. */
export function checkDirective(d: RawDirective, ref: string, ctx: CheckContext): Checked {
  if (!(HELPERS as readonly string[]).includes(d.name))
    return fail(`unknown directive {{${d.name}}} (known: ${HELPERS.join(', ')})`);
  const literal = nonLiteral(d);
  if (literal) return fail(literal);
  if (d.name === 'figure') return checkFigure(d, ref, ctx);
  if (d.name === 'table') return checkTable(d, ref, ctx);
  if (d.name === 'chart') return checkChart(d, ref, ctx);
  if (d.params.length > 0 || Object.keys(d.hash).length > 0) return fail(`{{${d.name}}} takes no arguments`);
  return { ok: true, directive: { type: 'apparatus', index: d.index, ref, name: d.name as ApparatusName } };
}

export { APPARATUS };
