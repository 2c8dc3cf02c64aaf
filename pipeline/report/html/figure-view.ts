// {{figure "M" period="P"}}: the reconciled value inline, with its marks, and a note to its sources.
import { formatCitation } from './helpers.ts';
import { auditLookup } from './methods-view.ts';
import type { RowIndex } from './row-index.ts';
import type { RowView } from './view-types.ts';

export interface FigureNote {
  number: number;
  row: RowView;
  /** Each source's figure as printed, with its page: `[Zemskov 1991, p. 10] “2,528,146”`. */
  figures: { sourceId: string; cite: string; raw: string; setAside: boolean }[];
}

export function figureNote(
  index: RowIndex,
  lookup: ReturnType<typeof auditLookup>,
  measure: string,
  periodStart: string,
  periodEnd: string,
  number: number,
): FigureNote {
  const row = index
    .rowsOf(measure)
    .find((r) => r.period_start === periodStart && r.period_end === periodEnd)!;
  const entry = lookup.audit(`${measure}\u0000${periodStart}\u0000${periodEnd}`);
  const cite = (sourceId: string, ref: string) => formatCitation(index.ref(sourceId).cite, lookup.page(ref));
  return {
    number,
    row: index.view(row),
    figures: [
      ...(entry?.used ?? []).map((o) => ({
        sourceId: o.source_id,
        cite: cite(o.source_id, o.ref),
        raw: o.raw,
        setAside: false,
      })),
      ...(entry?.set_aside ?? []).map((o) => ({
        sourceId: o.source_id,
        cite: cite(o.source_id, o.ref),
        raw: o.raw,
        setAside: true,
      })),
    ],
  };
}

export { auditLookup };
