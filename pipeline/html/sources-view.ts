// {{sources}}: the bibliography, with how many figures each source gives and on which pages (arquero).
import * as aq from 'arquero';
import type { ReportData } from '../types.ts';

export interface SourceView {
  id: string;
  author: string;
  year: string;
  title: string;
  kind: string;
  publisher: string;
  url: string;
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
  return [...data.sources]
    .sort(
      (a, b) =>
        a.author.localeCompare(b.author, 'en') ||
        a.year.localeCompare(b.year) ||
        a.source_id.localeCompare(b.source_id),
    )
    .map((s) => {
      const u = use.get(s.source_id);
      return {
        id: s.source_id,
        author: s.author,
        year: s.year,
        title: s.title,
        kind: s.kind,
        publisher: s.publisher,
        url: s.url,
        notes: s.notes,
        pages: (u?.pages ?? [])
          .filter((p) => p !== '')
          .sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
        figures: u?.figures ?? 0,
      };
    });
}
