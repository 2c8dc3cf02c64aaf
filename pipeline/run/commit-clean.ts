import * as path from 'node:path';
import type { FileSystem, Logger } from '../core/effects.ts';
import { NormaExit } from '../core/stage.ts';
import {
  commitMoves,
  journalPath,
  type Move,
  newRunId,
  recoverCommit,
  stageCopy,
  sweepLitter,
} from '../io/transaction.ts';
import { CLEAN_FILES, type CleanFileName, type Runtime } from './runtime.ts';

/**
 * data/clean's files this run changed, each copied to a temp name beside its target (nothing in
 * data/clean is replaced yet): the moves go into one commit (transaction.ts), alone or with publish's.
 */
export async function stageCleanMoves(
  rt: Runtime,
  only: readonly CleanFileName[] = CLEAN_FILES,
): Promise<{ moves: Move[]; changed: CleanFileName[] }> {
  const run = newRunId();
  const moves: Move[] = [];
  const changed: CleanFileName[] = [];
  for (const name of only) {
    const staged = rt.paths.stagedFile(name);
    if (!(await rt.fs.exists(staged))) continue;
    const target = path.join(rt.ctx.cleanDir, name);
    // Compared piece by piece: at a million rows these files are hundreds of MB.
    if (await rt.fs.sameContent(staged, target)) continue;
    try {
      moves.push(await stageCopy(rt.fs, staged, target, run));
    } catch (error) {
      for (const m of moves) await rt.fs.remove(m.temp).catch(() => {});
      throw error;
    }
    changed.push(name);
  }
  return { moves, changed };
}

/** A successful run without publish makes data/clean what this run computed, as one unit. */
export async function commitClean(rt: Runtime): Promise<CleanFileName[]> {
  const { moves, changed } = await stageCleanMoves(rt);
  try {
    await commitMoves(rt.fs, rt.ctx.workDir, moves);
  } catch (error) {
    // Before the commit point nothing in data/clean was replaced; after it, the next start finishes.
    if (await rt.fs.exists(journalPath(rt.ctx.workDir))) {
      throw new NormaExit(
        3,
        `updating ${rt.options.clean} stopped midway (${(error as Error).message}); the next \`npm run report\` finishes it before anything else.`,
      );
    }
    for (const m of moves) await rt.fs.remove(m.temp).catch(() => {});
    throw error;
  }
  return changed;
}

/**
 * At start, under the lock: finish a commit a kill interrupted, then drop the temp files of runs killed
 * before their commit point (they were never part of any output).
 */
export async function recoverInterrupted(
  fs: FileSystem,
  dirs: { workDir: string; cleanDir: string; outDir: string },
  logger: Logger,
): Promise<void> {
  await recoverCommit(fs, dirs.workDir, logger);
  await sweepLitter(fs, dirs.cleanDir);
  await fs.remove(path.join(dirs.workDir, 'tmp'));
}
