import type { ReportData } from '../core/types.ts';
import { claimFindings } from '../data/reconcile/claim-findings.ts';
import type { Runtime } from '../run/runtime.ts';
import { loadClean, loadRejects } from './clean-stage.ts';
import { loadReconcile } from './reconcile-stage.ts';

/** Everything the charts and html stages read, from this run's clean and reconcile results. */
export async function loadReportData(rt: Runtime): Promise<ReportData> {
  const clean = await loadClean(rt);
  const reconciled = await loadReconcile(rt);
  const rejects = await loadRejects(rt);
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
    essay: clean.essay ?? null,
    findings: claimFindings({
      claims: clean.claims,
      verdicts: reconciled.claims,
      reconciled: reconciled.reconciled,
      essay: clean.essay ?? null,
    }),
  };
}
