import type { EditionPlanState, Runtime, StageSpec } from '../runtime.ts';
import { loadCharts } from './charts-stage.ts';
import { loadReportData } from './report-data.ts';

/**
 * The edition this build is (decided before rendering, so the report can print its date and what
 * changed since the previous edition). Computed once per run.
 */
export async function editionPlan(rt: Runtime): Promise<EditionPlanState> {
  if (rt.state.edition) return rt.state.edition;
  const { fingerprintBuild } = await import('../publish/fingerprint.ts');
  const { planEdition } = await import('../publish/edition-store.ts');
  const fingerprint = await fingerprintBuild(rt.fs, {
    root: rt.ctx.root,
    cleanDir: rt.paths.staged,
    configText: rt.configText,
    reportDir: rt.ctx.reportDir,
    paper: rt.ctx.paper,
  });
  const plan = await planEdition(
    rt.fs,
    rt.ctx.outDir,
    fingerprint,
    rt.ctx.buildDate,
    rt.ctx.formats.includes('pdf'),
    rt.logger,
  );
  rt.state.edition = { fingerprint, plan };
  return rt.state.edition;
}

export const htmlStage: StageSpec = {
  name: 'html',
  async inputs(rt) {
    // The fingerprint already covers the templates, the config, the report's files, the rendering code
    // and the paper.
    const { fingerprint, plan } = await editionPlan(rt);
    return [fingerprint, plan.id, plan.date.toISOString(), plan.previous?.id ?? ''];
  },
  outputs: (rt) => [rt.paths.html, rt.paths.htmlMeta],
  async run(rt) {
    const { renderReport, loadTemplates } = await import('../html/render-report.ts');
    const { computeChanges, parseReconciledCsv } = await import('../publish/changes.ts');
    const { shortHash } = await import('../publish/fingerprint.ts');
    const { isoDay } = await import('../publish/edition-store.ts');
    const { fingerprint, plan } = await editionPlan(rt);
    const data = await loadReportData(rt);
    const { loadCompiledReport } = await import('./report-definition.ts');
    const report = await loadCompiledReport(rt, data);
    const charts = await loadCharts(rt);
    const changes = plan.previous
      ? computeChanges(parseReconciledCsv(plan.previous.reconciledCsv), data.reconciled, plan.previous.id)
      : null;
    const html = renderReport({
      templates: await loadTemplates(rt.ctx.root),
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
      `${JSON.stringify({ fingerprint, edition: plan.id, date: plan.date.toISOString() }, null, 2)}\n`,
    );
    return { counts: `${Math.round(html.length / 1024)} KB, edition ${plan.id}` };
  },
};
