import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Effects } from '../core/effects.ts';
import { ENVIRONMENT_ERROR_CODES, NormaExit } from '../core/stage.ts';
import { consoleLogger } from '../io/effects.ts';
import { findOverlaps } from '../io/folders/folder-overlap.ts';
import { realFolder } from '../io/folders/real-path.ts';
import { hasLitter, journalPath } from '../io/transaction.ts';
import { recoverInterrupted } from '../run/commit-clean.ts';
import { ConfigError, loadConfig, withBaseUrlFromEnv } from '../run/config.ts';
import { fileSystemFor } from '../run/fault-injection.ts';
import { checkProjectFolder, checkRawFolder, runPipeline } from '../run/runner.ts';
import { folderOptions, parseArgs, USAGE } from './args.ts';
import { checkClean } from './check.ts';

/** The project root; the launcher (scripts/norma.mjs) runs a bundle elsewhere and says where it is. */
const ROOT = process.env.NORMA_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`norma: ${parsed.message}\nRun \`npm run report -- --help\` for the options.\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const logger = consoleLogger(options.debug);
  // The engine (code, templates) lives at ROOT; the project's folders are the user's, relative to where
  // the command runs (`npm run` runs in the repository, an installed `norma` wherever it is called).
  const root = ROOT;
  const cwd = process.cwd();
  const overlaps = findOverlaps(
    folderOptions(options).map((f) => ({ ...f, real: realFolder(cwd, f.given) })),
  );
  if (overlaps.length > 0) {
    for (const overlap of overlaps) process.stderr.write(`norma: ${overlap.message}\n`);
    return 2;
  }
  const fs = fileSystemFor(env);
  try {
    const rawDir = path.resolve(cwd, options.raw);
    const cleanDir = path.resolve(cwd, options.clean);
    const projectDir = path.resolve(cwd, options.project);
    await checkProjectFolder(fs, projectDir, options.project);
    await checkRawFolder(fs, rawDir, options.raw);
    const outDir = path.resolve(cwd, options.out);
    const workDir = path.join(outDir, '.norma');
    const { acquireLock } = await import('../run/lock.ts');
    if (options.check) {
      // --check builds nothing, but first finishes a commit a kill interrupted (and drops its temp
      // files), under the lock, so that it never reads half of one.
      if ((await fs.exists(journalPath(workDir))) || (await hasLitter(fs, cleanDir))) {
        const release = await acquireLock(workDir, { logger });
        await recoverInterrupted(fs, { workDir, cleanDir, outDir }, logger).finally(release);
      }
      const outcome = await checkClean(fs, rawDir, cleanDir, options.clean);
      for (const line of outcome.lines) (outcome.ok ? logger.info : logger.error)(line);
      return outcome.ok ? 0 : 1;
    }
    const release = await acquireLock(workDir, { logger });
    try {
      // A build killed after its commit point is finished first, so that nothing reads half of it.
      await recoverInterrupted(fs, { workDir, cleanDir, outDir }, logger);
      const loaded = await loadConfig(fs, projectDir, path.resolve(cwd, options.report), options.report);
      const config = withBaseUrlFromEnv(loaded.config, env);
      const { resolveBuildDate, gitLastCommitTime } = await import('../run/build-date.ts');
      const buildDate = resolveBuildDate(
        env,
        () => gitLastCommitTime(projectDir),
        () => new Date(),
      );
      const effects: Effects = { fs, logger };
      await runPipeline({ options, effects, root, cwd, config, configText: loaded.text, buildDate });
    } finally {
      await release();
    }
    return 0;
  } catch (error) {
    return reportFailure(error, options.debug);
  }
}

function reportFailure(error: unknown, debug: boolean): number {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  if (debug && error instanceof Error && error.stack) write(error.stack);
  if (error instanceof NormaExit) {
    write(`norma: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    write(`norma: ${error.message}`);
    return 1;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && ENVIRONMENT_ERROR_CODES.has(code)) {
    const what = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : 'a file could not be written';
    write(
      `norma: ${what} (${(error as Error).message}); free space or fix permissions and rerun. The last published report is untouched, and so is the clean folder (but rejects.csv, which lists this run's rejects).`,
    );
    return 3;
  }
  const exitCode = (error as { exitCode?: unknown } | null)?.exitCode;
  if (exitCode === 1 || exitCode === 2 || exitCode === 3) {
    write(`norma: ${(error as Error).message}`);
    return exitCode;
  }
  write(`norma: internal error: ${(error as Error)?.message ?? String(error)}`);
  if (!debug) write('Rerun with --debug for the stack trace, and report it with the command you ran.');
  return 1;
}

/** Runs the command line: signals, exit code, and the benchmark's memory line. */
export function runFromCommandLine(argv: readonly string[]): Promise<void> {
  // An interrupted build exits at once: the lock is released on exit, temp files never replace
  // published ones, and the next build takes over anything left.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`norma: interrupted (${signal}); the last published report is untouched.\n`);
      process.exit(code);
    });
  }
  return main(argv).then((code) => {
    // The benchmark reads the peak memory of the whole process from this line.
    if (process.env.NORMA_BENCH) {
      process.stderr.write(`NORMA_STATS ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
    }
    process.exitCode = code;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runFromCommandLine(process.argv.slice(2));
}
