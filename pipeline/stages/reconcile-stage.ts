import type { Runtime, StageSpec } from '../runtime.ts';
import type { ReconcileResult } from '../types.ts';
import { CLAIM_COLUMNS, RECONCILED_COLUMNS, toCsv } from '../write-csv.ts';
import { loadClean, reportProblems } from './clean-stage.ts';

export async function loadReconcile(rt: Runtime): Promise<ReconcileResult> {
  if (!rt.state.reconcile)
    rt.state.reconcile = JSON.parse(await rt.fs.readText(rt.paths.reconcile)) as ReconcileResult;
  return rt.state.reconcile;
}

/** The three reconcile outputs as written to data/clean. */
export function reconcileFiles(result: ReconcileResult): {
  reconciled: string;
  claims: string;
  audit: string;
} {
  return {
    reconciled: toCsv(RECONCILED_COLUMNS, result.reconciled),
    claims: toCsv(CLAIM_COLUMNS, result.claims),
    audit: `${JSON.stringify(result.audit, null, 2)}\n`,
  };
}

export const reconcileStage: StageSpec = {
  name: 'reconcile',
  inputs: async () => [],
  outputs: (rt) => [
    rt.paths.reconcile,
    rt.paths.stagedFile('reconciled.csv'),
    rt.paths.stagedFile('claims.csv'),
    rt.paths.stagedFile('audit.json'),
  ],
  async run(rt) {
    const clean = await loadClean(rt);
    const { reconcile } = await import('../reconcile/reconcile.ts');
    const result = reconcile(clean);
    rt.state.reconcile = result;
    reportProblems(rt, result.problems);
    const files = reconcileFiles(result);
    await rt.fs.writeAtomic(rt.paths.stagedFile('reconciled.csv'), files.reconciled);
    await rt.fs.writeAtomic(rt.paths.stagedFile('claims.csv'), files.claims);
    await rt.fs.writeAtomic(rt.paths.stagedFile('audit.json'), files.audit);
    await rt.fs.writeAtomic(rt.paths.reconcile, JSON.stringify(result));
    const contested = result.reconciled.filter((r) => r.agreement === 'contested').length;
    return {
      counts: `${result.reconciled.length} rows (${contested} contested), ${result.claims.length} claim verdicts`,
    };
  },
};
