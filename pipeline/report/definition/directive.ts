// Directives as the report uses them, checked against the data: each is one of these, or an error.
import type { ChartRequest } from './chart-api.ts';

export const APPARATUS = ['claims', 'methods', 'flagged', 'rejects', 'changes', 'sources'] as const;
export type ApparatusName = (typeof APPARATUS)[number];
export const HELPERS = ['figure', 'chart', 'table', ...APPARATUS] as const;

/** Directives that make a block of their own (a figure is inline). */
export type Directive =
  | { type: 'figure'; index: number; ref: string; measure: string; periodStart: string; periodEnd: string }
  | { type: 'chart'; index: number; ref: string; request: ChartRequest }
  | { type: 'table'; index: number; ref: string; measures: string[] }
  | { type: 'apparatus'; index: number; ref: string; name: ApparatusName };

/** The measures a directive shows (apparatus blocks show every row, but place none). */
export function shownMeasures(d: Directive): string[] {
  if (d.type === 'figure') return [d.measure];
  if (d.type === 'chart') return d.request.measures;
  if (d.type === 'table') return d.measures;
  return [];
}
