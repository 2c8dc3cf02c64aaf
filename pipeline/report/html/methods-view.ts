// {{methods}}: each reconciled row with its arithmetic, the observations used and those set aside,
// grouped by the report section that first shows the measure (then the appendix).
import * as aq from 'arquero';
import type { AuditEntry, AuditObservation, ReportData } from '../../core/types.ts';
import { type ExplanationNames, readableExplanation } from './explanation-text.ts';
import { type RowIndex, rowAnchor } from './row-index.ts';
import type { RowView } from './view-types.ts';

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

export interface MethodGroup {
  id: string;
  title: string;
  rows: MethodRowView[];
}

const rowKey = (r: { measure_id: string; period_start: string; period_end: string }) =>
  `${r.measure_id}\u0000${r.period_start}\u0000${r.period_end}`;

/** The audit entry of each row and the page of each observation, joined by key (arquero). */
export function auditLookup(data: ReportData): {
  audit: (key: string) => AuditEntry | undefined;
  page: (ref: string) => string;
} {
  const audit = new Map(data.audit.map((a) => [rowKey(a), a]));
  const pages =
    data.observations.length === 0
      ? []
      : (aq
          .from(data.observations.map((o) => ({ ref: o.ref, page: o.page })))
          .filter((d: { page: string }) => d.page !== '')
          .objects() as { ref: string; page: string }[]);
  const pageOf = new Map(pages.map((p) => [p.ref, p.page]));
  return { audit: (key) => audit.get(key), page: (ref) => pageOf.get(ref) ?? '' };
}

export function observationView(
  index: RowIndex,
  page: (ref: string) => string,
  o: AuditObservation,
  reason = '',
): ObservationView {
  const s = index.source(o.source_id);
  return {
    sourceId: o.source_id,
    author: s?.author ?? o.source_id,
    year: s?.year ?? '',
    cite: index.ref(o.source_id).cite,
    raw: o.raw,
    ref: o.ref,
    page: page(o.ref),
    status: o.status,
    unverified: o.status === 'unverified',
    reason,
  };
}

export function buildMethods(
  data: ReportData,
  index: RowIndex,
  sectionOf: (measureId: string) => { id: string; title: string; order: number },
): MethodGroup[] {
  const { audit, page } = auditLookup(data);
  const names: ExplanationNames = {
    sources: new Map(data.sources.map((s) => [s.source_id, index.ref(s.source_id).cite])),
    measures: new Map(data.measures.map((m) => [m.measure_id, index.label(m.measure_id)])),
  };
  const read = (text: string) => readableExplanation(text, names);
  const groups = new Map<string, MethodGroup & { order: number }>();
  for (const r of index.rows) {
    const a = audit(rowKey(r));
    const row: MethodRowView = {
      ...index.view(r),
      explanation: read(a?.explanation ?? ''),
      used: (a?.used ?? []).map((o) => observationView(index, page, o)),
      setAside: (a?.set_aside ?? []).map((o) => observationView(index, page, o, read(o.reason))),
      inputs: (a?.inputs ?? []).map((i) => ({
        anchor: rowAnchor(i),
        label: index.label(i.measure_id),
        periodStart: i.period_start,
        periodEnd: i.period_end,
      })),
    };
    const section = sectionOf(r.measure_id);
    const group = groups.get(section.id) ?? {
      id: `methods-${section.id}`,
      title: section.title,
      rows: [],
      order: section.order,
    };
    group.rows.push(row);
    groups.set(section.id, group);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order).map(({ order: _, ...g }) => g);
}
