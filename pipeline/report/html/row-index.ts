// The reconciled rows joined with their measures and sources once (arquero), so that every directive
// and apparatus block looks rows up by measure instead of scanning the whole collection.
import * as aq from 'arquero';
import { labelWithPeriod } from '../../core/format-quantity.ts';
import type { ReportData, Source } from '../../core/types.ts';
import { measuresInFileOrder } from '../definition/compile-report.ts';
import { parseContributors, referenceYear } from '../sources/bibliography.ts';
import { formatCitation } from './helpers.ts';
import type { Row, RowView, SourceRef } from './view-types.ts';

/** `row-<measure>--<start>[--<end>]`: ids and periods are plain names, so the anchor is too. */
export function rowAnchor(row: { measure_id: string; period_start: string; period_end: string }): string {
  const end = row.period_end && row.period_end !== row.period_start ? `--${row.period_end}` : '';
  return `row-${row.measure_id}--${row.period_start}${end}`;
}

/**
 * The short citation of a source, author-date as the bibliography sorts it: `Zemskov 1991`,
 * `Davies and Wheatcroft 2004`, `Conquest et al. 1968`, `Encyclopedia of Ukraine 1993`, `Siegelbaum n.d.`
 * (the same surname logic and year as pipeline/report/sources/bibliography.ts).
 */
export function shortCitation(source: Pick<Source, 'author' | 'year' | 'title'>): string {
  const c = parseContributors(source.author);
  const names = c.names.map((n) => (n.person ? n.family : n.literal));
  const who =
    names.length === 0
      ? source.title
      : names.length === 1
        ? `${names[0]}${c.etAl ? ' et al.' : ''}`
        : names.length === 2 && !c.etAl
          ? `${names[0]} and ${names[1]}`
          : `${names[0]} et al.`;
  return `${who} ${referenceYear(source.year).year}`.trim();
}

export interface RowIndex {
  /** Every row, in measures.csv order then period. */
  rows: Row[];
  /** A measure's rows, by period. */
  rowsOf(measureId: string): Row[];
  label(measureId: string): string;
  unit(measureId: string): string;
  source(id: string): Source | undefined;
  ref(id: string): SourceRef;
  view(r: Row, first?: boolean, sameSources?: boolean): RowView;
  /** Rows of these measures in order, marked first/sameSources for a table. */
  table(measureIds: readonly string[]): RowView[];
}

export function buildRowIndex(data: ReportData): RowIndex {
  const inFile = measuresInFileOrder(data);
  const order = new Map(inFile.map((m, i) => [m.measure_id, i]));
  const measures = aq.from(
    inFile.map((m, i) => ({ measure_id: m.measure_id, label: m.label, m_unit: m.unit, order: i })),
  );
  const joined =
    data.reconciled.length === 0
      ? []
      : (aq
          .from(
            data.reconciled.map((r, i) => ({
              measure_id: r.measure_id,
              i,
              start: r.period_start,
              end: r.period_end,
            })),
          )
          .join_left(measures, 'measure_id')
          .orderby('order', 'measure_id', 'start', 'end')
          .objects() as { i: number; label?: string }[]);
  const rows = joined.map((j) => data.reconciled[j.i]!);
  const byMeasure = new Map<string, Row[]>();
  for (const r of rows) byMeasure.set(r.measure_id, [...(byMeasure.get(r.measure_id) ?? []), r]);
  const measureById = new Map(data.measures.map((m) => [m.measure_id, m]));
  const sourceById = new Map(data.sources.map((s) => [s.source_id, s]));
  const refs = new Map<string, SourceRef>();
  const ref = (id: string): SourceRef => {
    let r = refs.get(id);
    if (!r) {
      const s = sourceById.get(id);
      r = s ? { id, cite: shortCitation(s), short: shortCitation(s) } : { id, cite: id, short: id };
      refs.set(id, r);
    }
    return r;
  };
  const label = (id: string) => measureById.get(id)?.label || id;
  // A row's sources cite the pages their figures stand on ("Zemskov 1991, p. 10"), from the audit's
  // observations of that row and the observations' pages.
  const pageOfRef = new Map(data.observations.filter((o) => o.page !== '').map((o) => [o.ref, o.page]));
  const auditOf = new Map(
    data.audit.map((a) => [`${a.measure_id}\u0000${a.period_start}\u0000${a.period_end}`, a]),
  );
  const cited = (r: Row, ids: readonly string[], setAside: boolean): SourceRef[] => {
    const a = auditOf.get(`${r.measure_id}\u0000${r.period_start}\u0000${r.period_end}`);
    const obs = [...(setAside ? [] : (a?.used ?? [])), ...(a?.set_aside ?? [])];
    return ids.map((id) => {
      const base = ref(id);
      const pages = [
        ...new Set(obs.filter((o) => o.source_id === id).map((o) => pageOfRef.get(o.ref) ?? '')),
      ].filter((p) => p !== '');
      pages.sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
      return { ...base, cite: formatCitation(base.cite, pages.join(', ')) };
    });
  };
  const view = (r: Row, first = true, sameSources = false): RowView => ({
    anchor: rowAnchor(r),
    measureId: r.measure_id,
    label: label(r.measure_id),
    labelPeriod: labelWithPeriod(label(r.measure_id), r.period_start, r.period_end),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    low: r.low,
    high: r.high,
    unit: r.unit,
    isRange: r.low !== r.high,
    nSources: r.n_sources,
    agreement: r.agreement,
    contested: r.agreement === 'contested',
    sources: cited(r, [...r.sources].sort(), false),
    outliers: cited(r, r.outliers, true),
    unverified: r.unverified,
    method: r.method,
    first,
    sameSources,
  });
  return {
    rows,
    rowsOf: (id) => byMeasure.get(id) ?? [],
    label,
    unit: (id) => measureById.get(id)?.unit ?? '',
    source: (id) => sourceById.get(id),
    ref,
    view,
    table(ids) {
      const list = [...ids]
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
        .flatMap((id) => byMeasure.get(id) ?? []);
      return list.map((r, i) => {
        const prev = i > 0 ? list[i - 1] : undefined;
        const first = prev?.measure_id !== r.measure_id;
        // "As above" only when the citations, pages included, are the same.
        const citesOf = (x: Row) =>
          cited(x, [...x.sources].sort(), false)
            .map((c) => c.cite)
            .join(';');
        return view(r, first, !first && prev !== undefined && citesOf(prev) === citesOf(r));
      });
    },
  };
}
