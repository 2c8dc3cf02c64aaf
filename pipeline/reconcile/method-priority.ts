// DESIGN §4 `priority:k1>k2>…`: only the sources of the first listed kind that has any are used.
import type { Kind } from '../types.ts';
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
    else
      setAside.push({
        figure: f,
        reason: `${rule}: ${f.kind ?? 'unknown'} source set aside because ${chosen} sources exist`,
      });
  }
  return { used, setAside, chosen };
}
