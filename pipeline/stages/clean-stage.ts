import * as path from 'node:path';
import { compareRefs } from '../core/order.ts';
import { formatProblems } from '../core/problems.ts';
import { NormaExit } from '../core/stage.ts';
import type { CleanResult, IngestResult, Problem, Reject } from '../core/types.ts';
import { checkClaimReadings } from '../data/clean/check-quotes.ts';
import { rejectRows } from '../data/clean/reject-rows.ts';
import { collectGarbage } from '../io/effects.ts';
import { type ObservationExtras, observationExtra, readObservationsCsv } from '../io/staged-observations.ts';
import { OBSERVATION_HEADER, observationCsvChunks, REJECT_COLUMNS, toCsv } from '../io/write-csv.ts';
import type { Runtime, StageResult, StageSpec } from '../run/runtime.ts';
import { blockBytes, orderBlocks, placeExtras } from '../run/shards/merge-shards.ts';
import { askShards, closeShards } from '../run/shards/shard-edge.ts';
import type { ShardPool } from '../run/shards/shard-pool.ts';
import type { CleanReply } from '../run/shards/shard-work.ts';
import { loadIngest } from './ingest-stage.ts';

/**
 * clean.json: the clean result without its observations, which are kept once, in the staged
 * observations.csv (serialising a million rows twice cost seconds), plus what that file cannot give back.
 */
interface StagedClean extends Omit<CleanResult, 'observations'> {
  observationCount: number;
  observationExtras: ObservationExtras;
}

export async function loadClean(rt: Runtime): Promise<CleanResult> {
  if (!rt.state.clean) {
    const { observationCount, observationExtras, ...rest } = JSON.parse(
      await rt.fs.readText(rt.paths.clean),
    ) as StagedClean;
    const observations = readObservationsCsv(
      await rt.fs.readText(rt.paths.stagedFile('observations.csv')),
      observationExtras,
    );
    if (observations.length !== observationCount)
      throw new Error(`${rt.paths.stagedFile('observations.csv')} does not hold ${observationCount} rows`);
    rt.state.clean = { ...rest, observations };
  }
  return rt.state.clean;
}

/** Prints problems and stops with exit 1 when any is fatal. Warnings are printed and the run goes on. */
export function reportProblems(rt: Runtime, problems: readonly Problem[]): void {
  const warnings = problems.filter((p) => p.kind === 'warning');
  const fatal = problems.filter((p) => p.kind === 'fatal');
  for (const line of formatProblems(warnings, 20)) rt.logger.warn(line);
  if (fatal.length > 0) {
    for (const line of formatProblems(fatal, 50)) rt.logger.error(line);
    throw new NormaExit(
      1,
      `${fatal.length} data error${fatal.length > 1 ? 's' : ''} in ${rt.options.raw}; fix the lines above and rerun.`,
    );
  }
}

export function failOnRejects(rt: Runtime, count: number): void {
  if (count > 0 && !rt.ctx.allowRejects) {
    throw new NormaExit(
      1,
      `${count} row${count > 1 ? 's' : ''} rejected (see ${path.join(rt.options.clean, 'rejects.csv')}); fix ${count > 1 ? 'them' : 'it'}, or rerun with --allow-rejects to build without ${count > 1 ? 'them' : 'it'}.`,
    );
  }
}

/** Every reject of a run, as rejects.csv holds them (clean/reject-rows.ts). */
export function allRejects(ingested: IngestResult, cleanRejects: readonly Reject[]): Reject[] {
  return rejectRows(ingested.problems, cleanRejects);
}

/** The files the catalog is read from: without them every row would be rejected as unknown. */
const CATALOG_FILES = new Set(['sources.csv', 'sources.bib', 'sources.json', 'measures.csv', 'units.csv']);
function isCatalogFile(file: string): boolean {
  return CATALOG_FILES.has(file);
}

/**
 * Cleans this run's ingest result, then lets it go: nothing after clean reads it, and a big run's live
 * heap halves. (A helper, so that no local of the stage keeps it alive.)
 */
async function cleanIngested(rt: Runtime): Promise<{
  result: CleanResult;
  rejectRows: Reject[];
  ingestProblems: Problem[];
}> {
  const ingested = await loadIngest(rt);
  const { cleanData } = await import('../data/clean/clean.ts');
  const ingestRejects = allRejects(ingested, []);
  const brokenCatalog = ingested.problems.some(
    (p) => p.kind === 'fatal' && isCatalogFile(p.ref.split(':')[0]!),
  );
  if (brokenCatalog) {
    // Without a readable catalog every row would be rejected as unknown: check the catalog files that
    // did read, report everything together, and leave a rejects.csv that holds no stale rows.
    const readable = new Set(ingested.files.map((f) => f.path));
    const partial = cleanData({
      files: ingested.files.filter((f) => f.kind !== 'observations'),
      problems: [],
    });
    const catalogProblems = partial.problems.filter((p) => {
      const file = p.ref.split(':')[0]!;
      return p.kind === 'fatal' && readable.has(file) && isCatalogFile(file);
    });
    await rt.fs.writeAtomic(path.join(rt.ctx.cleanDir, 'rejects.csv'), toCsv(REJECT_COLUMNS, ingestRejects));
    reportProblems(rt, [...ingested.problems, ...catalogProblems]);
  }
  const result = cleanData(ingested);
  rt.state.clean = result;
  rt.state.ingest = undefined;
  return {
    result,
    rejectRows: allRejects(ingested, result.rejects),
    ingestProblems: ingested.problems.filter((p) => p.kind !== 'reject'),
  };
}

/** This run's rejects, as written to rejects.csv (ingest's and clean's, escaped), for the report and validate. */
export async function loadRejects(rt: Runtime): Promise<Reject[]> {
  const { default: Papa } = await import('papaparse');
  const text = await rt.fs.readText(rt.paths.stagedFile('rejects.csv'));
  return Papa.parse<Reject>(text, { header: true, skipEmptyLines: true }).data;
}

/** What a clean run, sharded or not, hands to finishClean. */
interface CleanOutcome {
  rejectRows: Reject[];
  /** Ingest's problems (but rejects) and clean's. */
  problems: Problem[];
  observationCount: number;
  observationsCsv: Iterable<string | Uint8Array>;
  /** Its observationExtras may be filled as observationsCsv is written (finishClean writes it after). */
  staged: StagedClean;
}

/** Writes clean's files, reports its problems and rejects, and stops on them as DESIGN §6 says. */
async function finishClean(rt: Runtime, outcome: CleanOutcome): Promise<StageResult> {
  const { rejectRows } = outcome;
  const rejectsCsv = toCsv(REJECT_COLUMNS, rejectRows);
  // rejects.csv is written whole even when the build fails, so the editor can work through it.
  await rt.fs.writeAtomic(path.join(rt.ctx.cleanDir, 'rejects.csv'), rejectsCsv);
  await rt.fs.writeAtomic(rt.paths.stagedFile('rejects.csv'), rejectsCsv);
  await rt.fs.writeAtomicChunks(rt.paths.stagedFile('observations.csv'), outcome.observationsCsv);
  await rt.fs.writeAtomic(rt.paths.clean, JSON.stringify(outcome.staged));
  reportProblems(rt, outcome.problems);
  if (rejectRows.length > 0) {
    const shown = rejectRows.slice(0, 50).map((r) => ({
      kind: 'reject' as const,
      code: 'reject' as const,
      ref: r.ref,
      raw: r.raw,
      message: r.reason,
    }));
    for (const line of formatProblems(shown, 50)) rt.logger.error(line);
    if (rejectRows.length > 50) rt.logger.error(`… and ${rejectRows.length - 50} more rejects`);
  }
  failOnRejects(rt, rejectRows.length);
  return {
    counts: `${outcome.observationCount} observations, ${rejectRows.length} rejects`,
    meta: { rejects: rejectRows.length },
  };
}

const key = (p: Problem) => JSON.stringify(p);

/**
 * Clean in the shards that ingested (shards/shard-pool.ts). Anything but rows and rejects — a fatal
 * problem, a shard that fails — and this gives up (null): the unsharded clean, from ingest.json, then
 * reports it exactly as it always does.
 */
async function cleanSharded(rt: Runtime): Promise<CleanOutcome | null> {
  const pool = rt.state.shards as ShardPool;
  const replies = await askShards(rt, 'clean', () => pool.clean());
  if (!replies) return null;
  const first = replies[0] as CleanReply;
  // Catalog problems are every shard's; row rejects are their own shard's.
  const shared = first.problems.filter((p) => p.kind !== 'reject');
  const sharedKeys = new Set(shared.map(key));
  const agree = replies.every((r) => r.problems.every((p) => p.kind === 'reject' || sharedKeys.has(key(p))));
  if (!agree || [...pool.ingestProblems, ...shared].some((p) => p.kind === 'fatal')) {
    rt.logger.debug('clean: the shards found fatal problems; running unsharded to report them');
    return null;
  }
  // Shards clean claims without the essay: the readings are checked here, and a fatal one is reported
  // by the unsharded clean like any other.
  const claimProblems = checkClaimReadings(first.claims, pool.essay);
  if (claimProblems.some((p) => p.kind === 'fatal')) return null;
  const rejectProblems = replies.flatMap((r) => r.problems.filter((p) => p.kind === 'reject'));
  const cleanRejects = replies.flatMap((r) => r.rejects).sort((a, b) => compareRefs(a.ref, b.ref));
  const placed = orderBlocks(replies.map((r) => r.blocks));
  const observationCount = replies.reduce((n, r) => n + r.observations, 0);
  pool.catalog = { measures: first.measures, claims: first.claims };
  pool.stage = 'cleaned';
  pool.startEarly('reconcile');
  return {
    rejectRows: allRejects({ files: [], problems: pool.ingestProblems }, cleanRejects),
    problems: [...pool.ingestProblems.filter((p) => p.kind !== 'reject'), ...shared, ...claimProblems],
    observationCount,
    observationsCsv: [`${OBSERVATION_HEADER}\n`, ...blockBytes(placed)],
    staged: {
      essay: pool.essay?.text ?? null,
      sources: first.sources,
      measures: first.measures,
      claims: first.claims,
      rejects: cleanRejects,
      problems: [...shared, ...claimProblems, ...rejectProblems.sort((a, b) => compareRefs(a.ref, b.ref))],
      observationCount,
      observationExtras: placeExtras(
        placed,
        replies.map((r) => r.extras),
      ),
    },
  };
}

export const cleanStage: StageSpec = {
  name: 'clean',
  inputs: async () => [],
  outputs: (rt) => [
    rt.paths.clean,
    rt.paths.stagedFile('observations.csv'),
    rt.paths.stagedFile('rejects.csv'),
    path.join(rt.ctx.cleanDir, 'rejects.csv'),
  ],
  async run(rt) {
    if (rt.state.shards?.stage === 'ingested') {
      const sharded = await cleanSharded(rt);
      if (sharded) return finishClean(rt, sharded);
    }
    await closeShards(rt);
    const { result, rejectRows, ingestProblems } = await cleanIngested(rt);
    await collectGarbage();
    const { observations, ...rest } = result;
    // Filled while observations.csv is written, which finishClean does before it writes clean.json.
    const extras: ObservationExtras = [];
    return finishClean(rt, {
      rejectRows,
      problems: [...ingestProblems, ...result.problems],
      observationCount: observations.length,
      observationsCsv: observationCsvChunks(observations, (o, i) => {
        const extra = observationExtra(o);
        if (extra) extras.push([i, extra]);
      }),
      staged: { ...rest, observationCount: observations.length, observationExtras: extras },
    });
  },
  async onSkip(rt, meta) {
    failOnRejects(rt, meta.rejects ?? 0);
  },
};
