// ReportData + charts + meta → the plain view the templates print. Pure; every figure comes from data.

import { chartSection } from '../charts/registry.ts';
import { sanitiseSvg } from '../charts/render-svg.ts';
import type { AuditObservation, ChartOutput, ReconciledRow, ReportData, Source } from '../types.ts';
import { formatPeriod, labelWithPeriod } from './format-quantity.ts';
import { DATA_SECTIONS, OTHER_SECTION, type SectionDef, sectionOf } from './sections.ts';

export type Row = ReconciledRow;

export interface ChangeSet {
  previousEdition: string;
  added: Row[];
  removed: Row[];
  changed: { before: Row; after: Row }[];
}

export interface ReportMeta {
  /** YYYY-MM-DD */
  date: string;
  edition: string;
  /** Short hash of the data. */
  fingerprint: string;
  changes: ChangeSet | null;
  paper: 'a4' | 'letter';
}

export interface SourceRef {
  id: string;
  cite: string;
}

export interface RowView {
  anchor: string;
  measureId: string;
  label: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  low: number;
  high: number;
  unit: string;
  isRange: boolean;
  nSources: number;
  agreement: string;
  sources: SourceRef[];
  outliers: SourceRef[];
  unverified: number;
  method: string;
  /** First row of its measure in a table (the label is printed once). */
  first: boolean;
  /** The label with the period appended unless the label already names it. */
  labelPeriod: string;
  /** Same measure and sources as the row above (a series: the sources are printed once). */
  sameSources: boolean;
}

export interface ChartView {
  id: string;
  title: string;
  description: string;
  sourceLine: string;
  svg: string;
}

export interface GroupView {
  id: string;
  title: string;
  rows: RowView[];
}

export interface SectionView {
  id: string;
  number: number;
  title: string;
  intro: string;
  charts: ChartView[];
  /** The rows the essay's claims are held against, each with those claims. */
  keyFigures: KeyFigureView[];
  groups: GroupView[];
}

export interface KeyFigureView extends RowView {
  claims: { id: string; verdict: string }[];
}

export interface ObservationView {
  sourceId: string;
  author: string;
  year: string;
  cite: string;
  raw: string;
  ref: string;
  page: string;
  status: string;
  unverified: boolean;
  reason: string;
}

export interface MethodRowView extends RowView {
  explanation: string;
  used: ObservationView[];
  setAside: ObservationView[];
  inputs: { anchor: string; label: string; periodStart: string; periodEnd: string }[];
}

export interface ClaimView {
  id: string;
  summary: string;
  claimedRaw: string;
  claimed: number;
  unit: string;
  measureLabel: string;
  periodStart: string;
  periodEnd: string;
  row: RowView | null;
  verdict: string;
  ratio: number | null;
  low: number | null;
  high: number | null;
}

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

export interface TocEntry {
  id: string;
  number: number | null;
  title: string;
  children: { id: string; title: string }[];
}

export interface ReportView {
  lang: string;
  paper: 'a4' | 'letter';
  config: ReportData['config'];
  meta: ReportMeta;
  keywords: string;
  toc: TocEntry[];
  summary: {
    verdicts: { verdict: string; count: number }[];
    claims: number;
    sources: number;
    measures: number;
    observations: number;
    rows: number;
    contested: number;
    unverified: number;
    derived: number;
  };
  sections: SectionView[];
  claimsNumber: number;
  claims: ClaimView[];
  methodsNumber: number;
  methods: { id: string; title: string; rows: MethodRowView[] }[];
  flaggedNumber: number;
  unverifiedRows: RowView[];
  contestedRows: RowView[];
  rejectsNumber: number | null;
  rejects: ReportData['rejects'];
  changesNumber: number;
  changes: {
    previousEdition: string;
    added: RowView[];
    removed: RowView[];
    changed: { before: RowView; after: RowView }[];
  } | null;
  sourcesNumber: number;
  sources: SourceView[];
}

/** `row-<measure>--<start>[--<end>]`: ids and periods are plain names, so the anchor is too. */
export function rowAnchor(row: { measure_id: string; period_start: string; period_end: string }): string {
  const end = row.period_end && row.period_end !== row.period_start ? `--${row.period_end}` : '';
  return `row-${row.measure_id}--${row.period_start}${end}`;
}

function byRow(a: Row, b: Row): number {
  return (
    a.measure_id.localeCompare(b.measure_id) ||
    a.period_start.localeCompare(b.period_start) ||
    a.period_end.localeCompare(b.period_end)
  );
}

export function buildView(data: ReportData, charts: ChartOutput[], meta: ReportMeta): ReportView {
  const sourceById = new Map<string, Source>(data.sources.map((s) => [s.source_id, s]));
  const ref = (id: string): SourceRef => {
    const s = sourceById.get(id);
    return { id, cite: s ? `${s.author} ${s.year}` : id };
  };
  const labelOf = (id: string) => data.measures.find((m) => m.measure_id === id)?.label || id;
  const toRow = (r: Row, first = true, sameSources = false): RowView => ({
    anchor: rowAnchor(r),
    measureId: r.measure_id,
    label: labelOf(r.measure_id),
    labelPeriod: labelWithPeriod(labelOf(r.measure_id), r.period_start, r.period_end),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    low: r.low,
    high: r.high,
    unit: r.unit,
    isRange: r.low !== r.high,
    nSources: r.n_sources,
    agreement: r.agreement,
    sources: [...r.sources].sort().map(ref),
    outliers: r.outliers.map(ref),
    unverified: r.unverified,
    method: r.method,
    first,
    sameSources,
  });
  const rows = [...data.reconciled].sort(byRow);
  const withFirst = (list: Row[]) =>
    list.map((r, i) => {
      const prev = i > 0 ? list[i - 1] : undefined;
      const first = prev?.measure_id !== r.measure_id;
      return toRow(r, first, !first && prev?.sources.join(';') === r.sources.join(';'));
    });

  const verdictsByRow = [...data.verdicts]
    .filter((v) => v.verdict !== 'no_data')
    .sort((a, b) => a.claim_id.localeCompare(b.claim_id))
    .map((v) => ({ key: rowAnchor(v), id: v.claim_id, verdict: v.verdict }));

  // ---- data sections (only those with rows or charts)
  const chartViews = charts.map((c) => ({ ...c, svg: sanitiseSvg(c.svg) }));
  const defs: SectionDef[] = [...DATA_SECTIONS, OTHER_SECTION];
  let number = 0;
  const sections: SectionView[] = [];
  for (const def of defs) {
    const inSection = rows.filter((r) => sectionOf(r.measure_id).section.id === def.id);
    const sectionCharts = chartViews.filter((c) => chartSection(c.id) === def.id);
    if (inSection.length === 0 && sectionCharts.length === 0) continue;
    const groups = def.groups
      .map((g) => ({
        id: g.id,
        title: g.title,
        rows: withFirst(inSection.filter((r) => sectionOf(r.measure_id).group.id === g.id)),
      }))
      .filter((g) => g.rows.length > 0);
    // Key figures: the rows the essay's claims are held against (every row is in the table below).
    const keyFigures: KeyFigureView[] = inSection
      .map((r) => ({
        ...toRow(r),
        claims: verdictsByRow
          .filter((v) => v.key === rowAnchor(r))
          .map((v) => ({ id: v.id, verdict: v.verdict })),
      }))
      .filter((k) => k.claims.length > 0);
    number += 1;
    sections.push({
      id: def.id,
      number,
      title: def.title,
      intro: def.intro,
      charts: sectionCharts,
      keyFigures,
      groups,
    });
  }
  // The output section's title carries the years it covers, from the data.
  const output = sections.find((s) => s.id === 'output');
  if (output) {
    const years = output.groups
      .flatMap((g) => g.rows)
      .flatMap((r) => [r.periodStart, r.periodEnd])
      .filter((p) => /^\d{4}$/.test(p));
    if (years.length > 0)
      output.title = `${output.title}, ${formatPeriod([...years].sort()[0]!, [...years].sort().at(-1)!)}`;
  }

  // ---- claims
  const claims: ClaimView[] = [...data.verdicts]
    .sort((a, b) => a.claim_id.localeCompare(b.claim_id))
    .map((v) => {
      const c = data.claims.find((x) => x.claim_id === v.claim_id);
      const r = rows.find(
        (x) =>
          x.measure_id === v.measure_id && x.period_start === v.period_start && x.period_end === v.period_end,
      );
      const unit = data.measures.find((m) => m.measure_id === v.measure_id)?.unit ?? r?.unit ?? '';
      return {
        id: v.claim_id,
        summary: c?.summary ?? '',
        claimedRaw: c?.claimed_raw ?? '',
        claimed: v.claimed,
        unit,
        measureLabel: labelOf(v.measure_id),
        periodStart: v.period_start,
        periodEnd: v.period_end,
        row: r && v.verdict !== 'no_data' ? toRow(r) : null,
        verdict: v.verdict,
        ratio: v.ratio,
        low: v.low,
        high: v.high,
      };
    });
  const verdictOrder = ['supported', 'overstated', 'understated', 'no_data'];
  const verdicts = verdictOrder
    .map((verdict) => ({ verdict, count: data.verdicts.filter((v) => v.verdict === verdict).length }))
    .filter((v) => v.count > 0);
  const claimsNumber = ++number;

  // ---- methods (audit), grouped like the sections
  const obsView = (o: AuditObservation, reason = ''): ObservationView => {
    const full = data.observations.find((x) => x.ref === o.ref);
    return {
      sourceId: o.source_id,
      author: sourceById.get(o.source_id)?.author ?? o.source_id,
      year: sourceById.get(o.source_id)?.year ?? '',
      cite: ref(o.source_id).cite,
      raw: o.raw,
      ref: o.ref,
      page: full?.page ?? '',
      status: o.status,
      unverified: o.status === 'unverified',
      reason,
    };
  };
  const methodRows: MethodRowView[] = rows.map((r) => {
    const a = data.audit.find(
      (x) =>
        x.measure_id === r.measure_id && x.period_start === r.period_start && x.period_end === r.period_end,
    );
    return {
      ...toRow(r),
      explanation: a?.explanation ?? '',
      used: (a?.used ?? []).map((o) => obsView(o)),
      setAside: (a?.set_aside ?? []).map((o) => obsView(o, o.reason)),
      inputs: (a?.inputs ?? []).map((i) => ({
        anchor: rowAnchor(i),
        label: labelOf(i.measure_id),
        periodStart: i.period_start,
        periodEnd: i.period_end,
      })),
    };
  });
  const methods = sections
    .map((s) => ({
      id: `methods-${s.id}`,
      title: s.title,
      rows: methodRows.filter((m) => sectionOf(m.measureId).section.id === s.id),
    }))
    .filter((g) => g.rows.length > 0);
  const methodsNumber = ++number;
  const flaggedNumber = ++number;
  const rejectsNumber = data.rejects.length > 0 ? ++number : null;
  const changesNumber = ++number;
  const sourcesNumber = ++number;

  // ---- sources
  const sources: SourceView[] = [...data.sources]
    .sort(
      (a, b) =>
        a.author.localeCompare(b.author, 'en') ||
        a.year.localeCompare(b.year) ||
        a.source_id.localeCompare(b.source_id),
    )
    .map((s) => {
      const own = data.observations.filter((o) => o.source_id === s.source_id);
      return {
        id: s.source_id,
        author: s.author,
        year: s.year,
        title: s.title,
        kind: s.kind,
        publisher: s.publisher,
        url: s.url,
        notes: s.notes,
        pages: [...new Set(own.map((o) => o.page).filter((p) => p !== ''))].sort((a, b) =>
          a.localeCompare(b, 'en', { numeric: true }),
        ),
        figures: own.length,
      };
    });

  const changes = meta.changes
    ? {
        previousEdition: meta.changes.previousEdition,
        added: [...meta.changes.added].sort(byRow).map((r) => toRow(r)),
        removed: [...meta.changes.removed].sort(byRow).map((r) => toRow(r)),
        changed: [...meta.changes.changed]
          .sort((a, b) => byRow(a.after, b.after))
          .map((c) => ({ before: toRow(c.before), after: toRow(c.after) })),
      }
    : null;

  const toc: TocEntry[] = [
    { id: 'summary', number: null, title: 'Introduction', children: [] },
    ...sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      children: s.groups.length > 1 ? s.groups.map((g) => ({ id: g.id, title: g.title })) : [],
    })),
    { id: 'claims', number: claimsNumber, title: 'The claims checked', children: [] },
    {
      id: 'methods',
      number: methodsNumber,
      title: 'Methods',
      children: methods.map((m) => ({ id: m.id, title: m.title })),
    },
    { id: 'unverified', number: flaggedNumber, title: 'Unverified and contested figures', children: [] },
    ...(rejectsNumber
      ? [{ id: 'rejects', number: rejectsNumber, title: 'Rejected rows', children: [] }]
      : []),
    { id: 'changes', number: changesNumber, title: 'What changed in this edition', children: [] },
    { id: 'sources', number: sourcesNumber, title: 'Sources', children: [] },
  ];

  return {
    lang: data.config.language || 'en',
    paper: meta.paper === 'letter' ? 'letter' : 'a4',
    config: data.config,
    meta,
    keywords: [...sections.map((s) => s.title), 'sources', 'reconciliation', data.config.essay.title].join(
      ', ',
    ),
    toc,
    summary: {
      verdicts,
      claims: data.verdicts.length,
      sources: data.sources.length,
      measures: data.measures.length,
      observations: data.observations.length,
      rows: rows.length,
      contested: rows.filter((r) => r.agreement === 'contested').length,
      unverified: rows.filter((r) => r.unverified > 0).length,
      derived: rows.filter((r) => r.agreement === 'derived').length,
    },
    sections,
    claimsNumber,
    claims,
    methodsNumber,
    methods,
    flaggedNumber,
    unverifiedRows: rows.filter((r) => r.unverified > 0).map((r) => toRow(r)),
    contestedRows: rows.filter((r) => r.agreement === 'contested').map((r) => toRow(r)),
    rejectsNumber,
    rejects: [...data.rejects].sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true })),
    changesNumber,
    changes,
    sourcesNumber,
    sources,
  };
}
