// Pure: the report's files + the data → every directive checked, the Markdown with placeholders, the
// chart requests; or every error as `report/FILE:LINE: reason`. The charts and html stages both call it.
import type { ReconciledRow, ReportData, ReportFile } from '../../core/types.ts';
import type { ChartRequest } from './chart-api.ts';
import { type CheckContext, checkDirective } from './check-directives.ts';
import { type Directive, shownMeasures } from './directive.ts';
import { parseFrontMatter } from './front-matter.ts';
import { hiddenTextErrors } from './hidden-text.ts';
import { parseDirectives } from './parse-directives.ts';

export interface CompiledFile {
  ref: string;
  /** The Markdown with placeholders for the directives. */
  markdown: string;
}

export interface CompiledReport {
  files: CompiledFile[];
  /** By placeholder index. */
  directives: Directive[];
  charts: ChartRequest[];
  /** Measures some directive shows; the others go to the appendix. */
  shown: Set<string>;
  apparatus: Set<string>;
}

export type CompileResult = { ok: true; report: CompiledReport } | { ok: false; errors: string[] };

export function rowsByMeasure(rows: readonly ReconciledRow[]): Map<string, ReconciledRow[]> {
  const map = new Map<string, ReconciledRow[]>();
  for (const r of rows) {
    const list = map.get(r.measure_id);
    if (list) list.push(r);
    else map.set(r.measure_id, [r]);
  }
  return map;
}

/** The measures in measures.csv order (clean sorts them by id; their refs keep the line). */
export function measuresInFileOrder(data: ReportData): ReportData['measures'] {
  const line = (ref: string) => Number(/:(\d+)$/.exec(ref)?.[1] ?? 0);
  return [...data.measures].sort(
    (a, b) => line(a.ref) - line(b.ref) || a.measure_id.localeCompare(b.measure_id),
  );
}

export function compileReport(
  files: readonly ReportFile[],
  data: ReportData,
  checkChart: (req: ChartRequest, data: ReportData) => string | null,
): CompileResult {
  const errors: string[] = [];
  const ctx: CheckContext = {
    data,
    rowsByMeasure: rowsByMeasure(data.reconciled),
    measureIds: measuresInFileOrder(data).map((m) => m.measure_id),
    chartIds: new Set(),
    checkChart: (req) => checkChart(req, data),
  };
  const out: CompiledFile[] = [];
  const directives: Directive[] = [];
  for (const file of files) {
    errors.push(...hiddenTextErrors(file.text, file.ref));
    let body = file.text.replace(/^\uFEFF/, '');
    let firstLine = 1;
    if (file.name === 'index.md') {
      const fm = parseFrontMatter(file.text, file.ref);
      if (!fm.ok) {
        errors.push(...fm.errors);
        continue;
      }
      body = fm.body;
      firstLine = fm.bodyLine;
    }
    const parsed = parseDirectives(body, firstLine, directives.length);
    for (const e of parsed.errors) errors.push(`${file.ref}:${e.line}: ${e.message}.`);
    for (const raw of parsed.directives) {
      const ref = `${file.ref}:${raw.line}`;
      const checked = checkDirective(raw, ref, ctx);
      if (!checked.ok) {
        errors.push(`${ref}: ${checked.message}.`);
        // Keep the indexes dense: a failed directive holds its place (the report is not rendered).
        directives.push({ type: 'apparatus', index: raw.index, ref, name: 'claims' });
        continue;
      }
      if (checked.directive.type !== 'figure' && !raw.alone)
        errors.push(`${ref}: {{${raw.name}}} is a block: put it on a line of its own.`);
      directives.push(checked.directive);
    }
    out.push({ ref: file.ref, markdown: parsed.markdown });
  }
  if (errors.length > 0) return { ok: false, errors };
  const shown = new Set(directives.flatMap(shownMeasures));
  const apparatus = new Set(directives.flatMap((d) => (d.type === 'apparatus' ? [d.name] : [])));
  const charts = directives.flatMap((d) => (d.type === 'chart' ? [d.request] : []));
  return { ok: true, report: { files: out, directives, charts, shown, apparatus } };
}
