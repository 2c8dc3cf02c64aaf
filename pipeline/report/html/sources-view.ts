// {{sources}}: the bibliography in Chicago author-date (pipeline/report/sources/bibliography.ts), with how many
// figures each source gives and on which pages (arquero).
import * as aq from 'arquero';
import type { ReportData } from '../../core/types.ts';
import { formatBibliography } from '../sources/bibliography.ts';

export interface SourceView {
  id: string;
  /** The reference's parts, the title set in italics: text = author + year + title + rest (+ url). */
  author: string;
  year: string;
  title: string;
  rest: string;
  url: string;
  text: string;
  kind: string;
  notes: string;
  pages: string[];
  figures: number;
}

export function buildSources(data: ReportData): SourceView[] {
  const use = new Map<string, { figures: number; pages: string[] }>();
  if (data.observations.length > 0) {
    const rolled = aq
      .from(data.observations.map((o) => ({ source_id: o.source_id, page: o.page })))
      .groupby('source_id')
      .rollup({ figures: aq.op.count(), pages: aq.op.array_agg_distinct('page') })
      .objects() as { source_id: string; figures: number; pages: string[] }[];
    for (const r of rolled) use.set(r.source_id, { figures: r.figures, pages: r.pages });
  }
  const byId = new Map(data.sources.map((s) => [s.source_id, s]));
  return formatBibliography(data.sources).map((entry) => {
    const s = byId.get(entry.source_id)!;
    const u = use.get(entry.source_id);
    return {
      id: entry.source_id,
      author: entry.author,
      year: entry.year,
      title: entry.title,
      rest: entry.rest,
      url: entry.url,
      text: entry.text,
      kind: s.kind,
      notes: s.notes,
      pages: (u?.pages ?? [])
        .filter((p) => p !== '')
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
      figures: u?.figures ?? 0,
    };
  });
}
