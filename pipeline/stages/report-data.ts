import Papa from 'papaparse';
import type { Runtime } from '../runtime.ts';
import type { Reject, ReportData } from '../types.ts';
import { loadClean } from './clean-stage.ts';
import { loadReconcile } from './reconcile-stage.ts';

/** Everything the charts and html stages read, from this run's clean and reconcile results. */
export async function loadReportData(rt: Runtime): Promise<ReportData> {
  const clean = await loadClean(rt);
  const reconciled = await loadReconcile(rt);
  const rejectsText = await rt.fs.readText(rt.paths.stagedFile('rejects.csv'));
  const rejects = Papa.parse<Reject>(rejectsText, { header: true, skipEmptyLines: true }).data;
  return {
    config: rt.ctx.config,
    sources: clean.sources,
    measures: clean.measures,
    observations: clean.observations,
    claims: clean.claims,
    rejects,
    reconciled: reconciled.reconciled,
    verdicts: reconciled.claims,
    audit: reconciled.audit,
  };
}
