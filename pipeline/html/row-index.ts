// The reconciled rows joined with their measures and sources once (arquero), so that every directive
// and apparatus block looks rows up by measure instead of scanning the whole collection.
import * as aq from 'arquero';
import { measuresInFileOrder } from '../report/compile-report.ts';
import type { ReportData, Source } from '../types.ts';
import { labelWithPeriod } from './format-quantity.ts';
import type { Row, RowView, SourceRef } from './view-types.ts';

/** `row-<measure>--<start>[--<end>]`: ids and periods are plain names, so the anchor is too. */
export function rowAnchor(row: { measure_id: string; period_start: string; period_end: string }): string {
  const end = row.period_end && row.period_end !== row.period_start ? `--${row.period_end}` : '';
  return `row-${row.measure_id}--${row.period_start}${end}`;
}

/** The surname of an author field (`Lewis H. Siegelbaum` → `Siegelbaum`; an institution stays whole). */
export function surname(author: string): string {
  const first = author.split(/\s*(?:;|&| and )\s*/)[0]!.trim();
  if (first.includes(',')) return first.split(',')[0]!.trim();
  const words = first.split(/\s+/);
  return words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w)) ? words.at(-1)! : first;
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
      r = s
        ? { id, cite: `${s.author} ${s.year}`, short: `${surname(s.author)} ${s.year}` }
        : { id, cite: id, short: id };
      refs.set(id, r);
    }
    return r;
  };
  const label = (id: string) => measureById.get(id)?.label || id;
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
    sources: [...r.sources].sort().map(ref),
    outliers: r.outliers.map(ref),
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
        return view(r, first, !first && prev?.sources.join(';') === r.sources.join(';'));
      });
    },
  };
}
