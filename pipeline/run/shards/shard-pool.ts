// The main thread's side of sharding: when a run's observation files are big and the machine has cores
// to spare, ingest, clean and reconcile are split by measure over worker threads (one per two cores, up
// to four); the main thread only puts the parts in order and writes them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Claim, Measure, Problem, RawEssay, RawInput } from '../../core/types.ts';
import type { CleanReply, IngestReply, ReconcileReply } from './shard-work.ts';

export type ShardRequest =
  | { type: 'ingest'; inputs: readonly RawInput[] }
  | { type: 'clean' }
  | { type: 'reconcile' };
export type ShardResponse =
  | { ok: true; reply: IngestReply | CleanReply | ReconcileReply; ms: number }
  | { ok: false; message: string };

/** Below this many bytes of observation files, starting workers costs more than it saves. */
export const SHARD_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Sharding pays only with cores to spare: on two (measured on a 2-core machine, a million rows) two
 * shards were 0–16 % faster than one thread but held 1.6 GB instead of 1.0 GB — every shard reads every
 * file, and the collector, which otherwise runs on the idle core, competes with them.
 */
export const SHARD_MIN_CORES = 4;

/**
 * How many shards for these inputs: `NORMA_SHARDS` when set (0 or 1: none), else one per two cores (at
 * most four) for big inputs on a machine with SHARD_MIN_CORES or more, else 0.
 */
export function shardCount(
  inputs: readonly RawInput[],
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
): number {
  const forced = env.NORMA_SHARDS;
  if (forced !== undefined && forced !== '') {
    const n = Number.parseInt(forced, 10);
    return Number.isFinite(n) && n >= 2 ? Math.min(n, 16) : 0;
  }
  if (cores < SHARD_MIN_CORES) return 0;
  let bytes = 0;
  for (const input of inputs) if (input.kind === 'observations') bytes += input.bytes.length;
  // Half the cores: the other half runs the collector's threads (and the main thread's writes).
  return bytes >= SHARD_MIN_BYTES ? Math.min(Math.floor(cores / 2), 4) : 0;
}

/** tsx's ESM API (require.resolve would give its CommonJS twin, which does not load in a worker). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return path.join(
    path.dirname(manifest),
    pkg.exports['./esm/api']?.import.default ?? 'dist/esm/api/index.mjs',
  );
}

/** A worker running shard-worker: the bundle's sibling .js entry, or from source (tsx, vitest) the .ts file. */
function startWorker(workerData: { shard: number; shards: number }): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./shard-worker.js', import.meta.url), { workerData });
  // Node 20 does not hand a thread the parent's module hooks: the worker registers tsx itself.
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const entry = new URL('./shard-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData });
}

export class ShardPool {
  /** How far the shards have got: the next stage uses them only if they did the stage before it. */
  stage: 'started' | 'ingested' | 'cleaned' = 'started';
  /** Ingest's problems (all files), kept for clean. */
  ingestProblems: Problem[] = [];
  /** The essay the main thread read with the raw folder: clean's quote check runs there. */
  essay: RawEssay | null = null;
  /** The catalog and claims from clean, kept for reconcile's claim verdicts. */
  catalog: { measures: Measure[]; claims: Claim[] } | undefined;
  /** Milliseconds each shard worked on the last request (for --debug). */
  lastMs: number[] = [];
  private readonly workers: Worker[];
  private cleaning: Promise<CleanReply[]> | undefined;
  private reconciling: Promise<ReconcileReply[]> | undefined;
  private closed = false;

  constructor(shards: number) {
    this.workers = Array.from({ length: shards }, (_, shard) => startWorker({ shard, shards }));
  }

  ingest(inputs: readonly RawInput[]): Promise<IngestReply[]> {
    return this.call<IngestReply>({ type: 'ingest', inputs });
  }

  /**
   * Clean, asked for once: the ingest stage asks as soon as the shards have read, so that they clean
   * while the main thread writes ingest.json; the clean stage then waits for the same answer.
   */
  clean(): Promise<CleanReply[]> {
    this.cleaning ??= this.call<CleanReply>({ type: 'clean' });
    return this.cleaning;
  }

  /** Reconcile, asked for once (early, by the clean stage, while it writes its files). */
  reconcile(): Promise<ReconcileReply[]> {
    this.reconciling ??= this.call<ReconcileReply>({ type: 'reconcile' });
    return this.reconciling;
  }

  /** Starts a step now for a later stage; its failure is that stage's to report. */
  startEarly(step: 'clean' | 'reconcile'): void {
    (step === 'clean' ? this.clean() : this.reconcile()).catch(() => {});
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** The same request to every shard; the replies in shard order. A shard that fails fails the call. */
  private call<T>(request: ShardRequest): Promise<T[]> {
    return Promise.all(
      this.workers.map(
        (worker, shard) =>
          new Promise<T>((resolve, reject) => {
            const cleanup = () => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              worker.off('exit', onExit);
            };
            const onMessage = (response: ShardResponse) => {
              cleanup();
              if (response.ok) {
                this.lastMs[shard] = response.ms;
                resolve(response.reply as T);
              } else reject(new Error(`shard ${shard} failed: ${response.message}`));
            };
            const onError = (error: Error) => {
              cleanup();
              reject(error);
            };
            const onExit = (code: number) => {
              cleanup();
              reject(new Error(`shard ${shard} stopped (exit code ${code})`));
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage(request);
          }),
      ),
    );
  }
}
