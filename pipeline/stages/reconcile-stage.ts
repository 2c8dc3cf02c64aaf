import { auditJsonChunks } from '../reconcile/audit-json.ts';
import type { Runtime, StageSpec } from '../runtime.ts';
import type { AuditEntry, ReconcileResult } from '../types.ts';
import { CLAIM_COLUMNS, csvChunks, RECONCILED_COLUMNS } from '../write-csv.ts';
import { loadClean, reportProblems } from './clean-stage.ts';

/** reconcile.json: the result without its audit, which is kept once, in the staged audit.json. */
type StagedReconcile = Omit<ReconcileResult, 'audit'>;

export async function loadReconcile(rt: Runtime): Promise<ReconcileResult> {
  if (!rt.state.reconcile) {
    const staged = JSON.parse(await rt.fs.readText(rt.paths.reconcile)) as StagedReconcile;
    const audit = JSON.parse(await rt.fs.readText(rt.paths.stagedFile('audit.json'))) as AuditEntry[];
    rt.state.reconcile = { ...staged, audit };
  }
  return rt.state.reconcile;
}

/** The three reconcile outputs as written to data/clean, in pieces (see csvChunks). */
export function reconcileChunks(result: ReconcileResult): {
  reconciled: Iterable<string>;
  claims: Iterable<string>;
  audit: Iterable<string>;
} {
  return {
    reconciled: csvChunks(RECONCILED_COLUMNS, result.reconciled),
    claims: csvChunks(CLAIM_COLUMNS, result.claims),
    audit: auditJsonChunks(result.audit),
  };
}

/** The three reconcile outputs as written to data/clean, whole (for --check and tests). */
export function reconcileFiles(result: ReconcileResult): {
  reconciled: string;
  claims: string;
  audit: string;
} {
  const chunks = reconcileChunks(result);
  return {
    reconciled: [...chunks.reconciled].join(''),
    claims: [...chunks.claims].join(''),
    audit: [...chunks.audit].join(''),
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
    const files = reconcileChunks(result);
    await rt.fs.writeAtomicChunks(rt.paths.stagedFile('reconciled.csv'), files.reconciled);
    await rt.fs.writeAtomicChunks(rt.paths.stagedFile('claims.csv'), files.claims);
    await rt.fs.writeAtomicChunks(rt.paths.stagedFile('audit.json'), files.audit);
    const staged: StagedReconcile = {
      reconciled: result.reconciled,
      claims: result.claims,
      problems: result.problems,
    };
    await rt.fs.writeAtomic(rt.paths.reconcile, JSON.stringify(staged));
    const contested = result.reconciled.filter((r) => r.agreement === 'contested').length;
    return {
      counts: `${result.reconciled.length} rows (${contested} contested), ${result.claims.length} claim verdicts`,
    };
  },
};
