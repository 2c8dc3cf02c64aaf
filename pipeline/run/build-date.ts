import { execFileSync } from 'node:child_process';
import { NormaExit } from '../core/stage.ts';

/**
 * The build's date, so that the same inputs give the same bytes at any hour (DESIGN §7):
 * SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention), else the last commit's
 * time, else today at 00:00 UTC (never the hour: two builds on one day agree).
 */
export function resolveBuildDate(
  env: NodeJS.ProcessEnv,
  gitLastCommitTime: () => Date | null,
  today: () => Date,
): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new NormaExit(
        2,
        `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (it is "${epoch}"); fix or unset it.`,
      );
    }
    return new Date(Number(epoch) * 1000);
  }
  const commit = gitLastCommitTime();
  if (commit && !Number.isNaN(commit.getTime())) return commit;
  const now = today();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Parses `git log -1 --format=%ct` output (seconds); null when empty or not a number. */
export function parseCommitTime(stdout: string): Date | null {
  const text = stdout.trim();
  return /^\d+$/.test(text) ? new Date(Number(text) * 1000) : null;
}

/** The edge: the last commit's time in `root`, or null when git or the repository is missing. */
export function gitLastCommitTime(root: string): Date | null {
  try {
    const stdout = execFileSync('git', ['log', '-1', '--format=%ct'], {
      cwd: root,
      timeout: 10_000,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return parseCommitTime(stdout);
  } catch {
    return null;
  }
}
