import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';

/** The usual system places, in order of preference (Debian/Ubuntu, then Google's packages, then snap). */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
] as const;

export const CHROMIUM_HINT =
  'install it with `apt-get install -y chromium` (or `npm run setup`) or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary';

export interface FindChromiumDeps {
  isExecutable(file: string): Promise<boolean>;
  /** Every candidate binary under puppeteer's cache folder (may be empty). */
  cacheBinaries(cacheDir: string): Promise<string[]>;
}

/**
 * Pure order of candidates: an explicit PUPPETEER_EXECUTABLE_PATH wins (and is the only one tried, so a
 * typo in it is reported rather than silently replaced by another browser), then the system paths.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv): { explicit: string | null; system: string[] } {
  const explicit = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  return { explicit: explicit ? explicit : null, system: [...SYSTEM_CHROMIUM_PATHS] };
}

export function puppeteerCacheDir(env: NodeJS.ProcessEnv): string {
  return env.PUPPETEER_CACHE_DIR?.trim() || path.join(env.HOME?.trim() || homedir(), '.cache', 'puppeteer');
}

/** An executable *file*: a folder has its x bit too, and "runs" as nothing but a stack trace. */
export async function isExecutable(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Walks puppeteer's cache (`chrome/linux-<ver>/chrome-linux64/chrome`), newest version first. */
async function cacheBinaries(cacheDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 4) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, depth + 1);
      else if (entry.name === 'chrome' || entry.name === 'chrome-headless-shell') found.push(full);
    }
  };
  await walk(cacheDir, 0);
  return found.sort().reverse();
}

const nodeDeps: FindChromiumDeps = { isExecutable, cacheBinaries };

/** The Chromium to print with, or null when the machine has none (the runner then exits 3). */
export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  deps: FindChromiumDeps = nodeDeps,
): Promise<string | null> {
  const { explicit, system } = chromiumCandidates(env);
  if (explicit) return (await deps.isExecutable(explicit)) ? explicit : null;
  for (const candidate of system) if (await deps.isExecutable(candidate)) return candidate;
  for (const candidate of await deps.cacheBinaries(puppeteerCacheDir(env))) {
    if (await deps.isExecutable(candidate)) return candidate;
  }
  return null;
}
