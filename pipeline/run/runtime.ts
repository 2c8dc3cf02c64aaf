import * as path from 'node:path';
import type { Browser } from 'puppeteer';
import type { FileSystem, Logger } from '../core/effects.ts';
import type { Options } from '../core/options.ts';
import type { StageContext } from '../core/stage.ts';
import type {
  ChartOutput,
  CleanResult,
  IngestResult,
  RawInput,
  ReconcileResult,
  StageName,
} from '../core/types.ts';
import type { EditionPlan } from '../report/publish/edition-store.ts';
import type { ShardPool } from './shards/shard-pool.ts';

/** Where each stage keeps its files inside `<out>/.norma/`. */
export function workPaths(workDir: string) {
  const staged = path.join(workDir, 'clean');
  return {
    manifest: path.join(workDir, 'cache.json'),
    lock: path.join(workDir, 'lock'),
    tmp: path.join(workDir, 'tmp'),
    ingest: path.join(workDir, 'ingest.json'),
    clean: path.join(workDir, 'clean.json'),
    reconcile: path.join(workDir, 'reconcile.json'),
    charts: path.join(workDir, 'charts.json'),
    html: path.join(workDir, 'report.html'),
    htmlMeta: path.join(workDir, 'report-meta.json'),
    pdf: path.join(workDir, 'report.pdf'),
    /** data/clean files as this run computed them; copied into the clean folder when the run succeeds. */
    staged,
    stagedFile: (name: CleanFileName) => path.join(staged, name),
  };
}

export const CLEAN_FILES = [
  'observations.csv',
  'rejects.csv',
  'reconciled.csv',
  'claims.csv',
  'audit.json',
] as const;
export type CleanFileName = (typeof CLEAN_FILES)[number];

/** What a run holds in memory between stages; a skipped stage's result is loaded from its file only if needed. */
export interface RunState {
  rawInputs?: RawInput[];
  rawProblems?: IngestResult['problems'];
  /** data/raw/essay.txt or .md as read with the raw folder (its bytes for ingest's cache key). */
  essay?: IngestResult['essay'];
  essayBytes?: Uint8Array | null;
  ingest?: IngestResult;
  clean?: CleanResult;
  reconcile?: ReconcileResult;
  charts?: ChartOutput[];
  /** The html stage's content key (edition-plan.ts), stored with the fingerprint it rendered. */
  htmlContentKey?: string;
  /** What edition this build is, decided once before rendering (html-stage.ts). */
  edition?: EditionPlanState;
  /** The Chromium found for this run, looked up once. */
  chromium?: Promise<string | null>;
  /** Chromium, started while the data stages work (pdf-stage.ts). */
  browser?: Promise<Browser | undefined>;
  /** Set when the early start was made: one build launches at most one browser early. */
  browserStarted?: boolean;
  /** Why the early start failed, when that failure is the one to report (a browser that hung). */
  browserError?: unknown;
  /** data/clean files the publish stage committed with the published files. */
  cleanCommitted?: CleanFileName[];
  /** Worker threads holding a big run's rows between ingest, clean and reconcile (shards/shard-pool.ts). */
  shards?: ShardPool;
}

export interface EditionPlanState {
  fingerprint: string;
  plan: EditionPlan;
}

export interface Runtime {
  ctx: StageContext;
  options: Options;
  fs: FileSystem;
  logger: Logger;
  paths: ReturnType<typeof workPaths>;
  /** Hash of the pipeline's code, the lock file and the Node version. */
  codeHash: string;
  configText: string;
  /** The cache key of the stage before the one being keyed (the runner sets it before `inputs`). */
  keyBefore?: string;
  state: RunState;
}

export interface StageResult {
  /** Counts for the stage line: `12 files, 250 rows`. */
  counts: string;
  /** Small numbers remembered in the cache manifest (e.g. rejects), checked again when the stage is skipped. */
  meta?: Record<string, number>;
}

export interface StageSpec {
  name: StageName;
  /** Inputs beyond the previous stage's key (raw data, templates, paper…), as strings to hash. */
  inputs(rt: Runtime): Promise<string[]>;
  outputs(rt: Runtime): string[];
  run(rt: Runtime): Promise<StageResult>;
  /** Its inputs are computed again after it ran, for the key the next run compares with. */
  rekeyAfterRun?: boolean;
  /** Re-checks what made the stage fail before, when it is skipped (rejects without --allow-rejects). */
  onSkip?(rt: Runtime, meta: Record<string, number>): Promise<void>;
}
