import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { z } from 'zod';
import type { FileSystem, Logger } from '../core/effects.ts';
import { NormaExit } from '../core/stage.ts';
import { isTempName } from './effects.ts';

/**
 * One build's outputs — data/clean and the published files — are put in place as one unit. Every new
 * file is first written whole under a temp name on the target's file system; then a journal listing
 * every rename is written (atomically: that write is the commit point), the renames are done in order,
 * and the journal is removed. A kill before the journal leaves the old outputs (the temp files are
 * litter, swept at the next start); a kill after it is finished by the next start (`recoverCommit`),
 * which redoes the renames still pending. So the outputs are the old set or the new one, never a mix.
 */
export interface Move {
  /** The staged file (absolute), on the same file system as `target`. */
  temp: string;
  target: string;
}

const journalSchema = z.object({
  version: z.literal(1),
  moves: z.array(z.object({ temp: z.string().min(1), target: z.string().min(1) })),
});

/** `<out>/.norma/commit.json`: present only between the commit point and the last rename. */
export const journalPath = (workDir: string): string => path.join(workDir, 'commit.json');

/** Temp files staged beside their targets end so; `sweepLitter` removes those no journal names. */
export const TEMP_SUFFIX = '.norma-tmp';

export function tempBeside(target: string, run: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${run}${TEMP_SUFFIX}`);
}

export const newRunId = (): string => randomBytes(4).toString('hex');

/** Copies `from` to a temp name beside `target`, ready to be moved in by `commitMoves`. */
export async function stageCopy(fs: FileSystem, from: string, target: string, run: string): Promise<Move> {
  const temp = tempBeside(target, run);
  await fs.mkdir(path.dirname(target));
  await fs.copyAtomic(from, temp);
  return { temp, target };
}

async function applyMoves(fs: FileSystem, moves: readonly Move[]): Promise<void> {
  const made = new Set<string>();
  for (const move of moves) {
    const dir = path.dirname(move.target);
    if (!made.has(dir)) {
      await fs.mkdir(dir);
      made.add(dir);
    }
    // A temp already gone was moved before a kill (recovery redoes only what is pending).
    if (await fs.exists(move.temp)) await fs.rename(move.temp, move.target);
  }
}

/** The commit: journal, renames in order, journal removed. `moves` must all be staged already. */
export async function commitMoves(fs: FileSystem, workDir: string, moves: readonly Move[]): Promise<void> {
  if (moves.length === 0) return;
  const journal = journalPath(workDir);
  await fs.mkdir(workDir);
  await fs.writeAtomic(journal, `${JSON.stringify({ version: 1, moves }, null, 2)}\n`);
  await applyMoves(fs, moves);
  await fs.remove(journal);
}

/**
 * At the start of a run (under the lock): finishes a commit a kill interrupted. Returns how many files it
 * put in place; a journal that cannot be read was never complete (it is written by rename), so it is
 * an error to report, not to guess at.
 */
export async function recoverCommit(fs: FileSystem, workDir: string, logger: Logger): Promise<number> {
  const journal = journalPath(workDir);
  let text: string;
  try {
    text = await fs.readText(journal);
  } catch {
    return 0;
  }
  let parsed: z.infer<typeof journalSchema>;
  try {
    parsed = journalSchema.parse(JSON.parse(text));
  } catch {
    throw new NormaExit(
      3,
      `the commit journal ${journal} is not readable; the last build may have been interrupted. Check the reports and data/clean folders, delete the journal and rerun.`,
    );
  }
  let pending = 0;
  for (const move of parsed.moves) if (await fs.exists(move.temp)) pending++;
  await applyMoves(fs, parsed.moves);
  await fs.remove(journal);
  logger.warn(
    `norma: the last build was interrupted while putting its files in place; finished it (${pending} of ${parsed.moves.length} files were still to move).`,
  );
  return pending;
}

const isLitter = (name: string): boolean =>
  (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) || isTempName(name);

/** True when `dir` holds temp files of an interrupted run. */
export async function hasLitter(fs: FileSystem, dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).some(isLitter);
  } catch {
    return false;
  }
}

/** Removes temp files of interrupted runs in `dir` (not recursive); only names this module makes. */
export async function sweepLitter(fs: FileSystem, dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (isLitter(name)) await fs.remove(path.join(dir, name));
  }
}
