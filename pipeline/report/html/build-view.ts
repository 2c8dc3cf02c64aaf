// ReportData + the compiled report + charts + meta → the view the layout prints. Pure.

import type { ChartOutput, ReportData } from '../../core/types.ts';
import { sanitiseSvg } from '../charts/render-svg.ts';
import type { CompiledReport } from '../definition/compile-report.ts';
import type { Directive } from '../definition/directive.ts';
import { shownMeasures } from '../definition/directive.ts';
import { buildChanges, buildClaims, buildFlagged, buildRejects } from './apparatus-views.ts';
import { type AppendixRow, buildAppendix } from './appendix-view.ts';
import { fillBody } from './body-html.ts';
import { auditLookup, figureNote } from './figure-view.ts';
import { buildFindings, type FindingsView } from './findings-view.ts';
import { type BodySection, renderBody } from './markdown-body.ts';
import { buildMethods } from './methods-view.ts';
import { buildRowIndex, type RowIndex } from './row-index.ts';
import { buildSources } from './sources-view.ts';
import type { Links, ReportMeta, TocEntry } from './view-types.ts';

export interface ReportView {
  lang: string;
  paper: 'a4' | 'letter';
  config: ReportData['config'];
  meta: ReportMeta;
  keywords: string;
  toc: TocEntry[];
  findings: FindingsView;
  body: string;
  appendix: AppendixRow[];
  nSources: number;
}

type Template = (context: unknown) => string;

/** Ids of the frame (cover, contents, findings, appendix): no heading may take them. */
const FRAME_IDS = [
  'cover',
  'title',
  'contents',
  'contents-title',
  'findings',
  'findings-title',
  'appendix',
  'appendix-title',
];

interface Placed {
  id: string;
  title: string;
  /** The section's number (0 before the first, the appendix last). */
  order: number;
}

/** The report section each measure is first shown in; the methods are grouped by it. */
function placeMeasures(report: CompiledReport, sectionOf: Map<number, BodySection | null>, preface: Placed) {
  const placed = new Map<string, Placed>();
  for (const d of report.directives)
    for (const m of shownMeasures(d))
      if (!placed.has(m)) {
        const s = sectionOf.get(d.index);
        placed.set(m, s ? { id: s.id, title: s.title, order: s.number } : preface);
      }
  return (id: string): Placed =>
    placed.get(id) ?? { id: 'appendix', title: 'Appendix', order: Number.MAX_SAFE_INTEGER };
}

function renderer(
  data: ReportData,
  index: RowIndex,
  report: CompiledReport,
  charts: ChartOutput[],
  meta: ReportMeta,
  partial: (name: string) => Template,
  place: (id: string) => Placed,
) {
  const links: Links = {
    rows: report.apparatus.has('methods'),
    sources: report.apparatus.has('sources'),
    claims: report.apparatus.has('claims'),
  };
  const lookup = auditLookup(data);
  const notes: ReturnType<typeof figureNote>[] = [];
  const chartById = new Map(charts.map((c) => [c.id, c]));
  const apparatus = {
    claims: () => ({ claims: buildClaims(data, index), essay: data.config.essay }),
    methods: () => ({ methods: buildMethods(data, index, place) }),
    flagged: () => buildFlagged(index),
    rejects: () => ({ rejects: buildRejects(data) }),
    changes: () => ({ changes: buildChanges(meta.changes, index) }),
    sources: () => ({ sources: buildSources(data) }),
  } as const;
  return {
    figure(d: Extract<Directive, { type: 'figure' }>, note: number) {
      const n = figureNote(index, lookup, d.measure, d.periodStart, d.periodEnd, note);
      notes[note] = n;
      return partial('figure-inline')({ ...n.row, note, links }).trim();
    },
    notes: (from: number, to: number) =>
      partial('figure-notes')({ notes: notes.slice(from, to + 1), start: from, links }),
    block(d: Exclude<Directive, { type: 'figure' }>) {
      if (d.type === 'chart') {
        const c = chartById.get(d.request.id);
        if (!c)
          throw new Error(`${d.ref}: the charts stage made no chart "${d.request.id}"; rerun with --force.`);
        return partial('chart')({ ...c, svg: sanitiseSvg(c.svg) });
      }
      if (d.type === 'table') return partial('rows-table')({ rows: index.table(d.measures), links });
      return partial(d.name)({ ...apparatus[d.name](), links });
    },
  };
}

export function buildReportView(
  data: ReportData,
  charts: ChartOutput[],
  meta: ReportMeta,
  report: CompiledReport,
  partial: (name: string) => Template,
): ReportView {
  const index = buildRowIndex(data);
  const body = renderBody(report.files, new Set(FRAME_IDS), (i) => {
    const d = report.directives[i];
    return d?.type === 'apparatus' ? `section-${d.name}` : null;
  });
  const place = placeMeasures(report, body.sectionOf, { id: 'preface', title: 'Introduction', order: 0 });
  const html = fillBody(
    body.html,
    report.directives,
    renderer(data, index, report, charts, meta, partial, place),
  );
  const findings = buildFindings(data, index, `${data.config.baseUrl}report.html`);
  const appendix = buildAppendix(index, report.shown);
  const toc: TocEntry[] = [
    ...(findings.claims > 0 ? [{ id: 'findings', number: null, title: 'Findings', children: [] }] : []),
    ...body.sections.map((s) => ({ id: s.id, number: s.number, title: s.title, children: s.children })),
    ...(appendix.length > 0
      ? [{ id: 'appendix', number: null, title: 'Appendix: figures no section shows', children: [] }]
      : []),
  ];
  return {
    lang: data.config.language || 'en',
    paper: meta.paper === 'letter' ? 'letter' : 'a4',
    config: data.config,
    meta,
    keywords: [...body.sections.map((s) => s.title), data.config.essay.title].filter((k) => k).join(', '),
    toc,
    findings,
    body: html,
    appendix,
    nSources: data.sources.length,
  };
}
