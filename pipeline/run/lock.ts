import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../core/effects.ts';
import { NormaExit } from '../core/stage.ts';
import { tempName } from '../io/effects.ts';

/** What the lock file records (JSON), so that a person (or the next build) can tell who holds it. */
export interface LockInfo {
  pid: number;
  host: string;
  started: string;
  /** Random per acquisition: tells our own lock from a successor's that reused the file name. */
  token: string;
}

export type LockDecision =
  | { action: 'take-over'; reason: string }
  | { action: 'refuse'; holder: LockInfo; message: string };

/** The lock file: `<out>/.norma/lock`. */
export const lockPath = (workDir: string): string => path.join(workDir, 'lock');

export function parseLock(text: string): LockInfo | null {
  try {
    const json = JSON.parse(text) as Partial<LockInfo>;
    if (typeof json.pid !== 'number' || !Number.isInteger(json.pid) || json.pid <= 0) return null;
    return {
      pid: json.pid,
      host: typeof json.host === 'string' ? json.host : '',
      started: typeof json.started === 'string' ? json.started : '',
      token: typeof json.token === 'string' ? json.token : '',
    };
  } catch {
    return null;
  }
}

/**
 * Pure: what to do about a lock file that already exists. A lock of a dead process (or an unreadable one,
 * left by a crash mid-write) is taken over; one of a live process is refused. A lock from another host
 * cannot be checked, so it is refused too, with how to clear it by hand.
 */
export function decideLock(
  existingText: string,
  self: { pid: number; host: string },
  isAlive: (pid: number) => boolean,
  file: string,
): LockDecision {
  const holder = parseLock(existingText);
  if (!holder) return { action: 'take-over', reason: `the lock ${file} is unreadable (a build crashed)` };
  const sameHost = holder.host === '' || holder.host === self.host;
  const clear = `wait for it to finish, or if no build is running delete ${file} and rerun`;
  const since = holder.started ? `, started ${holder.started}` : '';
  if (!sameHost) {
    return {
      action: 'refuse',
      holder,
      message: `Another build holds the lock ${file} (pid ${holder.pid} on host ${holder.host}${since}); ${clear}.`,
    };
  }
  // Our own pid cannot be a live other build: the pid was reused after a restart (containers).
  if (holder.pid === self.pid)
    return { action: 'take-over', reason: `the lock of pid ${holder.pid} is stale` };
  if (!isAlive(holder.pid)) {
    return { action: 'take-over', reason: `the build that held it (pid ${holder.pid}${since}) is gone` };
  }
  return {
    action: 'refuse',
    holder,
    message: `Another build is running in this output folder (pid ${holder.pid}${since}); ${clear}.`,
  };
}

/** process.kill(pid, 0) probes without signalling: ESRCH means no such process; EPERM means it exists. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

export interface LockDeps {
  /** Creates `file` holding `text` only if it does not exist; false when it exists. */
  createExclusive(file: string, text: string): Promise<boolean>;
  readText(file: string): Promise<string | null>;
  remove(file: string): Promise<void>;
  isAlive(pid: number): boolean;
  pid: number;
  host: string;
  clock(): Date;
  logger: Logger;
  /** Called with a synchronous remover, so the lock goes when the process exits. */
  onExit?(remove: () => void): () => void;
}

export class LockHeldError extends NormaExit {
  constructor(
    message: string,
    readonly holder: LockInfo,
  ) {
    super(3, message);
    this.name = 'LockHeldError';
  }
}

export type Release = () => Promise<void>;

/**
 * Serialises builds on one output folder. Returns a release function (also run at process exit).
 * Throws LockHeldError (exit 3) when a live build holds the lock.
 */
export async function acquireLock(workDir: string, overrides: Partial<LockDeps> = {}): Promise<Release> {
  const deps: LockDeps = { ...nodeLockDeps(overrides.logger), ...overrides };
  const file = lockPath(workDir);
  const info: LockInfo = {
    pid: deps.pid,
    host: deps.host,
    started: deps.clock().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const text = `${JSON.stringify(info)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await deps.createExclusive(file, text)) {
      // A concurrent take-over could have removed ours between create and now: check it is still ours.
      const now = await deps.readText(file);
      if (now !== null && parseLock(now)?.token !== info.token) continue;
      let released = false;
      const remove = async () => {
        if (released) return;
        released = true;
        const current = await deps.readText(file);
        if (current !== null && parseLock(current)?.token === info.token) await deps.remove(file);
      };
      const detach = deps.onExit?.(() => {
        if (!released) rmSync(file, { force: true });
      });
      return async () => {
        detach?.();
        await remove();
      };
    }
    const existing = await deps.readText(file);
    if (existing === null) continue; // released meanwhile: try again
    const decision = decideLock(existing, { pid: deps.pid, host: deps.host }, deps.isAlive, file);
    if (decision.action === 'refuse') throw new LockHeldError(decision.message, decision.holder);
    deps.logger.warn(`lock: taking over ${file}: ${decision.reason}.`);
    // Remove only if it is still the same stale lock (another build may have taken it over already).
    if ((await deps.readText(file)) === existing) await deps.remove(file);
  }
  throw new NormaExit(
    3,
    `Could not take the lock ${file} after several tries; another build keeps taking it. Rerun when it has finished.`,
  );
}

/**
 * The edge. The lock is written whole to a temp file and hard-linked into place: link() fails if the
 * name exists (as an exclusive `wx` open does), and a reader never sees a half-written lock.
 */
export function nodeLockDeps(logger: Logger = silentLogger): LockDeps {
  return {
    async createExclusive(file, text) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = tempName(file);
      await fs.writeFile(temp, text, { flag: 'wx' });
      try {
        await fs.link(temp, file);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        // No hard links on this file system: fall back to an exclusive open.
        try {
          await fs.writeFile(file, text, { flag: 'wx' });
          return true;
        } catch (inner) {
          if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
          throw inner;
        }
      } finally {
        await fs.rm(temp, { force: true });
      }
    },
    async readText(file) {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    remove: (file) => fs.rm(file, { force: true }),
    isAlive: processIsAlive,
    pid: process.pid,
    host: hostname(),
    clock: () => new Date(),
    logger,
    onExit(remove) {
      process.once('exit', remove);
      return () => process.off('exit', remove);
    },
  };
}

const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
