import * as path from 'node:path';
import type { Effects, FileSystem } from '../core/effects.ts';
import type { Options } from '../core/options.ts';
import { NormaExit, type StageContext } from '../core/stage.ts';
import type { NormaConfig, StageName } from '../core/types.ts';
import { STAGE_SPECS } from '../stages/index.ts';
import { closeBrowser, startBrowserEarly } from '../stages/pdf-stage.ts';
import { type CacheManifest, decide, describeOutputs, hashParts, hashTree, readManifest } from './cache.ts';
import { commitClean } from './commit-clean.ts';
import { plannedStages } from './planned-stages.ts';
import { startProgress } from './progress.ts';
import { type Runtime, type StageSpec, workPaths } from './runtime.ts';
import { closeShards } from './shards/shard-edge.ts';

export interface RunInput {
  options: Options;
  effects: Effects;
  /** The engine's folder (code, templates). */
  root: string;
  /** Where relative project folders are resolved (the command's working folder; default `root`). */
  cwd?: string;
  config: NormaConfig;
  configText: string;
  buildDate: Date;
}

/** Hash of everything that decides what the code does: pipeline sources (not tests), the lock file, Node's version. */
export async function codeHash(effects: Effects, root: string): Promise<string> {
  // The launcher (scripts/norma.mjs) hashed the same files to pick its bundle and passes the hash on.
  if (process.env.NORMA_CODE_HASH) return process.env.NORMA_CODE_HASH;
  const pipeline = await hashTree(
    effects.fs,
    path.join(root, 'pipeline'),
    (rel) => rel.endsWith('.ts') && !rel.endsWith('.test.ts'),
  );
  let lock = '';
  try {
    lock = await effects.fs.readText(path.join(root, 'package-lock.json'));
  } catch {
    // No lock file (tests in a temp folder): the code hash alone decides.
  }
  return hashParts([pipeline, lock, process.version]);
}

export function makeRuntime(input: RunInput, code: string): Runtime {
  const { options, effects, root } = input;
  const base = input.cwd ?? root;
  const outDir = path.resolve(base, options.out);
  const workDir = path.join(outDir, '.norma');
  const ctx: StageContext = {
    effects,
    root,
    rawDir: path.resolve(base, options.raw),
    cleanDir: path.resolve(base, options.clean),
    reportDir: path.resolve(base, options.report),
    outDir,
    workDir,
    config: input.config,
    formats: options.formats,
    paper: options.paper,
    allowRejects: options.allowRejects,
    debug: options.debug,
    buildDate: input.buildDate,
  };
  return {
    ctx,
    options,
    fs: effects.fs,
    logger: effects.logger,
    paths: workPaths(workDir),
    codeHash: code,
    configText: input.configText,
    state: {},
  };
}

function stageLine(name: StageName, status: string, counts: string, ms: number, why: string): string {
  return `${name.padEnd(10)} ${status.padEnd(8)} ${counts.padEnd(46)} ${`${ms} ms`.padStart(8)}  (${why})`;
}

/** Runs the planned stages in order, skipping those whose inputs are unchanged. Throws NormaExit on failure. */
export async function runStages(rt: Runtime, stages: readonly StageName[]): Promise<void> {
  const { fs, logger } = rt;
  const manifest: CacheManifest = await readManifest(fs, rt.paths.manifest);
  const common = [rt.codeHash, rt.configText, rt.ctx.rawDir, rt.ctx.cleanDir, rt.ctx.outDir];
  let previousKey = '';
  const order = STAGE_SPECS.map((s) => s.name);
  const first = order.indexOf(stages[0]!);
  // A single --stage run takes the previous stage's key from the manifest: it works on that stage's files.
  if (first > 0) {
    // An HTML-only publish works on the html stage's files: the pdf stage is not part of that build.
    const skipPdf = order[first - 1] === 'pdf' && !rt.ctx.formats.includes('pdf');
    const previous = STAGE_SPECS[first - (skipPdf ? 2 : 1)]!;
    previousKey = manifest.stages[previous.name]?.key ?? '';
    if (rt.options.stage) {
      for (const file of previous.outputs(rt)) {
        if (!(await fs.exists(file))) {
          throw new NormaExit(
            2,
            `--stage ${stages[0]} works on the files of the ${previous.name} stage, and ${path.basename(file)} is missing; run \`npm run report -- --to ${previous.name}\` first (with the same --raw/--clean/--out).`,
          );
        }
      }
    }
  }
  const started = Date.now();
  for (const name of stages) {
    const spec = STAGE_SPECS.find((s) => s.name === name) as StageSpec;
    const t0 = Date.now();
    rt.keyBefore = previousKey;
    const keyOf = async () => hashParts([name, ...common, previousKey, ...(await spec.inputs(rt))]);
    let key = await keyOf();
    const outputs = spec.outputs(rt);
    const decision = await decide(fs, manifest.stages[name], key, outputs, rt.options.force);
    logger.debug(
      `${name}: key ${key.slice(0, 12)}, inputs hashed and outputs checked in ${Date.now() - t0} ms`,
    );
    if (!decision.run) {
      await spec.onSkip?.(rt, manifest.stages[name]?.meta ?? {});
      logger.info(stageLine(name, 'skipped', '', Date.now() - t0, decision.why));
      previousKey = key;
      continue;
    }
    // Forget the entry before running: a crash midway must not leave a stale "done" behind.
    delete manifest.stages[name];
    // Chromium starts while the data stages work, so the pdf stage does not wait for it; the chart
    // modules (vega is large) load in the gaps of the data stages' file writes.
    if (stages.includes('pdf') && order.indexOf(name) < order.indexOf('pdf')) startBrowserEarly(rt);
    if (stages.includes('charts') && name !== 'charts')
      void import('../report/definition/chart-api.ts').catch(() => {});
    const progress = startProgress(name, {
      isTTY: Boolean(process.stderr.isTTY),
      write: (text) => process.stderr.write(text),
    });
    let result: Awaited<ReturnType<StageSpec['run']>>;
    try {
      result = await spec.run(rt);
    } finally {
      progress.stop();
    }
    // A stage whose inputs are known only once it has run (html: the edition it is) is keyed again.
    if (spec.rekeyAfterRun) key = await keyOf();
    manifest.stages[name] = { key, outputs: await describeOutputs(fs, outputs), meta: result.meta ?? {} };
    await fs.writeAtomic(rt.paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    logger.info(stageLine(name, 'ran', result.counts, Date.now() - t0, decision.why));
    previousKey = key;
  }
  logger.info(`done in ${Date.now() - started} ms`);
}

/** Stops with a usage error (exit 2) unless `rawDir` is a folder; `raw` is the path as the user wrote it. */
export async function checkRawFolder(fs: FileSystem, rawDir: string, raw: string): Promise<void> {
  const stat = await fs.stat(rawDir);
  if (stat?.isDirectory) return;
  throw new NormaExit(
    2,
    stat
      ? `the raw folder "${raw}" is a file, not a folder; pass --raw DIR with the folder that holds sources.csv.`
      : `the raw folder "${raw}" does not exist; pass --raw DIR or create it.`,
  );
}

/** Stops with a usage error (exit 2) unless the `--project` folder exists. */
export async function checkProjectFolder(fs: FileSystem, projectDir: string, project: string): Promise<void> {
  const stat = await fs.stat(projectDir);
  if (stat?.isDirectory) return;
  throw new NormaExit(
    2,
    stat
      ? `the project "${project}" is a file, not a folder; pass --project DIR with the folder that holds data/raw and norma.config.json.`
      : `the project folder "${project}" does not exist; pass --project DIR, or start one with \`npm run new -- ${project}\`.`,
  );
}

export async function runPipeline(input: RunInput): Promise<void> {
  const t0 = Date.now();
  const code = await codeHash(input.effects, input.root);
  input.effects.logger.debug(`code hash ${code.slice(0, 12)} in ${Date.now() - t0} ms`);
  const rt = makeRuntime(input, code);
  const stages = plannedStages(input.options);
  await checkRawFolder(rt.fs, rt.ctx.rawDir, input.options.raw);
  // validate reports rejects in its summary instead of stopping at them.
  if (input.options.validate) rt.ctx.allowRejects = true;
  try {
    await runStages(rt, stages);
  } finally {
    await closeShards(rt);
    await closeBrowser(rt);
  }
  // validate with rejects is a failed run: data/clean keeps its files (but rejects.csv, written by clean).
  const rejects = input.options.validate ? await printValidateSummary(rt) : 0;
  if (rejects === 0) {
    const changed = [...(rt.state.cleanCommitted ?? []), ...(await commitClean(rt))];
    if (changed.length > 0) rt.logger.info(`updated ${input.options.clean}: ${changed.join(', ')}`);
  }
  if (rejects > 0) {
    throw new NormaExit(
      1,
      `${rejects} row(s) rejected; fix them (see above) before building the report. ${input.options.clean} is unchanged but for rejects.csv.`,
    );
  }
  // Where the reader's files are, whether publish ran or found them already in place.
  if (stages.includes('publish')) {
    for (const file of ['report.html', ...(rt.ctx.formats.includes('pdf') ? ['report.pdf'] : [])])
      rt.logger.info(`report: ${path.join(input.options.out, file)}`);
  }
}

/** Prints validate's summary; returns the number of rejects. */
async function printValidateSummary(rt: Runtime): Promise<number> {
  const { loadReconcile } = await import('../stages/reconcile-stage.ts');
  const { loadRejects } = await import('../stages/clean-stage.ts');
  const { validateSummary } = await import('./validate-summary.ts');
  const reconciled = await loadReconcile(rt);
  const rejectRows = await loadRejects(rt);
  rt.logger.info('');
  for (const line of validateSummary(rejectRows, reconciled.reconciled, reconciled.claims))
    rt.logger.info(line);
  return rejectRows.length;
}
