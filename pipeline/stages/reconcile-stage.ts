import type { AuditEntry, ReconciledRow, ReconcileResult } from '../core/types.ts';
import { auditJsonChunks } from '../io/audit-json.ts';
import { jsonObjectPieces, piecesText } from '../io/byte-writer.ts';
import { CLAIM_COLUMNS, csvChunks, RECONCILED_COLUMNS, toCsv } from '../io/write-csv.ts';
import type { Runtime, StageResult, StageSpec } from '../run/runtime.ts';
import {
  blockBytes,
  mergeByMeasure,
  orderBlocks,
  orderReconcileWarnings,
} from '../run/shards/merge-shards.ts';
import { askShards, closeShards } from '../run/shards/shard-edge.ts';
import type { ShardPool } from '../run/shards/shard-pool.ts';
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

/** reconcile's files: its three outputs for data/clean (staged), then reconcile.json. */
async function writeReconcileFiles(
  rt: Runtime,
  staged: StagedReconcile,
  audit: Iterable<string | Uint8Array>,
): Promise<void> {
  await rt.fs.writeAtomicChunks(
    rt.paths.stagedFile('reconciled.csv'),
    csvChunks(RECONCILED_COLUMNS, staged.reconciled),
  );
  await rt.fs.writeAtomicChunks(rt.paths.stagedFile('claims.csv'), csvChunks(CLAIM_COLUMNS, staged.claims));
  await rt.fs.writeAtomicChunks(rt.paths.stagedFile('audit.json'), audit);
  await rt.fs.writeAtomicChunks(rt.paths.reconcile, jsonObjectPieces(staged));
}

/** The three reconcile outputs as written to data/clean, whole (for --check and tests). */
export function reconcileFiles(result: ReconcileResult): {
  reconciled: string;
  claims: string;
  audit: string;
} {
  return {
    reconciled: toCsv(RECONCILED_COLUMNS, result.reconciled),
    claims: toCsv(CLAIM_COLUMNS, result.claims),
    audit: piecesText(auditJsonChunks(result.audit)),
  };
}

function reconcileCounts(reconciled: readonly ReconciledRow[], claims: readonly unknown[]): string {
  const contested = reconciled.filter((r) => r.agreement === 'contested').length;
  return `${reconciled.length} rows (${contested} contested), ${claims.length} claim verdicts`;
}

/**
 * Reconcile in the shards that cleaned (shards/shard-pool.ts); the claims, which may read any measure,
 * are judged here on the merged rows. A shard with an error (not a warning) and this gives up (null):
 * the unsharded reconcile, from the staged clean files, then reports it as always.
 */
async function reconcileSharded(rt: Runtime): Promise<StageResult | null> {
  const pool = rt.state.shards as ShardPool;
  const catalog = pool.catalog;
  const replies = await askShards(rt, 'reconcile', () => pool.reconcile());
  if (!replies) return null;
  const warnings = replies.flatMap((r) => r.problems);
  if (!catalog || warnings.some((p) => p.kind !== 'warning')) {
    rt.logger.debug('reconcile: the shards found errors; running unsharded to report them');
    return null;
  }
  const reconciled = mergeByMeasure(replies.map((r) => r.rows));
  const rowsByMeasure = new Map<string, ReconciledRow[]>();
  for (const row of reconciled) {
    const list = rowsByMeasure.get(row.measure_id);
    if (list) list.push(row);
    else rowsByMeasure.set(row.measure_id, [row]);
  }
  const { judgeClaims } = await import('../data/reconcile/judge-claims.ts');
  const claims = judgeClaims(
    catalog.claims,
    new Map(catalog.measures.map((m) => [m.measure_id, m])),
    rowsByMeasure,
  );
  const problems = [...orderReconcileWarnings(warnings, catalog.measures), ...claims.problems];
  reportProblems(rt, problems);
  const placed = orderBlocks(replies.map((r) => r.blocks));
  await writeReconcileFiles(
    rt,
    { reconciled, claims: claims.rows, problems },
    placed.length === 0 ? ['[]\n'] : ['[\n', ...blockBytes(placed, new TextEncoder().encode(',\n')), '\n]\n'],
  );
  // The audit stays in its file: a later stage that needs it reads it (loadReconcile).
  rt.state.reconcile = undefined;
  return { counts: reconcileCounts(reconciled, claims.rows) };
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
    const sharded = rt.state.shards?.stage === 'cleaned' ? await reconcileSharded(rt) : null;
    await closeShards(rt);
    if (sharded) return sharded;
    const clean = await loadClean(rt);
    const { reconcile } = await import('../data/reconcile/reconcile.ts');
    const result = reconcile(clean);
    rt.state.reconcile = result;
    reportProblems(rt, result.problems);
    await writeReconcileFiles(
      rt,
      { reconciled: result.reconciled, claims: result.claims, problems: result.problems },
      auditJsonChunks(result.audit),
    );
    return { counts: reconcileCounts(result.reconciled, result.claims) };
  },
};
