import type { StageSpec } from '../run/runtime.ts';
import { loadCharts } from './charts-stage.ts';
import { editionPlan, htmlInputs, unplannedMeta } from './edition-plan.ts';
import { loadReportData } from './report-data.ts';

export const htmlStage: StageSpec = {
  name: 'html',
  // The content, and the edition it is (edition-plan.ts).
  inputs: htmlInputs,
  rekeyAfterRun: true,
  outputs: (rt) => [rt.paths.html, rt.paths.htmlMeta],
  async run(rt) {
    const { renderReport, loadTemplates } = await import('../report/html/render-report.ts');
    const { computeChanges, parseReconciledCsv } = await import('../report/publish/changes.ts');
    const { shortHash } = await import('../report/publish/fingerprint.ts');
    const { isoDay } = await import('../report/publish/edition-store.ts');
    const data = await loadReportData(rt);
    const { loadCompiledReport } = await import('./report-definition.ts');
    const report = await loadCompiledReport(rt, data);
    const charts = await loadCharts(rt);
    const templates = await loadTemplates(rt.ctx.root);
    // Rendered once without its edition line to fingerprint the content (edition-plan.ts), then for real.
    const content = renderReport({ templates, data, charts, report, meta: unplannedMeta(rt.ctx.paper) });
    const { fingerprint, plan } = await editionPlan(rt, content);
    const changes = plan.previous
      ? computeChanges(parseReconciledCsv(plan.previous.reconciledCsv), data.reconciled, plan.previous.id)
      : null;
    const html = renderReport({
      templates,
      data,
      charts,
      report,
      meta: {
        date: isoDay(plan.date),
        edition: plan.id,
        fingerprint: shortHash(fingerprint),
        changes,
        paper: rt.ctx.paper,
      },
    });
    await rt.fs.writeAtomic(rt.paths.html, html);
    await rt.fs.writeAtomic(
      rt.paths.htmlMeta,
      `${JSON.stringify({ fingerprint, contentKey: rt.state.htmlContentKey, edition: plan.id, date: plan.date.toISOString() }, null, 2)}\n`,
    );
    return { counts: `${Math.round(html.length / 1024)} KB, edition ${plan.id}` };
  },
};
