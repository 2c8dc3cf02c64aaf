// DESIGN §4 `priority:k1>k2>…`: only the sources of the first listed kind that has any are used.

import type { Kind } from '../../core/types.ts';
import { inner } from '../clean/sort-by-group.ts';
import type { SourceFigure } from './model.ts';

export interface PrioritySelection {
  used: SourceFigure[];
  setAside: { figure: SourceFigure; reason: string }[];
  /** The kind whose sources were used; undefined when no listed kind had any (then all are used). */
  chosen: Kind | undefined;
}

export function selectByPriority(
  figures: readonly SourceFigure[],
  order: readonly Kind[],
): PrioritySelection {
  const chosen = order.find((k) => figures.some((f) => f.kind === k));
  if (chosen === undefined) return { used: [...figures], setAside: [], chosen };
  const rule = `priority:${order.join('>')}`;
  const used: SourceFigure[] = [];
  const setAside: PrioritySelection['setAside'] = [];
  for (const f of figures) {
    if (f.kind === chosen) used.push(f);
    else setAside.push({ figure: f, reason: reasonFor(rule, f.kind ?? 'unknown', chosen) });
  }
  return { used, setAside, chosen };
}

/** rule → chosen kind → set-aside kind → reason. */
const reasons = new Map<string, Map<string, Map<string, string>>>();

/**
 * The reason a figure was set aside, one string per distinct reason: at a million rows a new one per
 * figure was 150k more strings to keep, and each a rope to flatten when audit.json is written.
 */
function reasonFor(rule: string, kind: string, chosen: string): string {
  const byKind = inner(inner(reasons, rule), chosen);
  let reason = byKind.get(kind);
  if (reason === undefined) {
    reason = `${rule}: ${kind} source set aside because ${chosen} sources exist`;
    byKind.set(kind, reason);
  }
  return reason;
}
