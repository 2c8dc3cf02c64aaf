import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, ROOT, runCli, withReport, workspace } from './run-cli.ts';

const LAUNCHER = path.join(ROOT, 'scripts/norma.mjs');
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700200000' };
const CLEAN_FILES = ['observations.csv', 'rejects.csv', 'reconciled.csv', 'claims.csv', 'audit.json'];
/** How many kills at random renames (NORMA_KILL_ATTEMPTS for a longer run), and at random times. */
const RENAME_KILLS = Number(process.env.NORMA_KILL_ATTEMPTS ?? 3);
const TIMED_KILLS = Math.max(1, Math.round(RENAME_KILLS / 4));

/** Starts a build and kills it with `signal` as soon as the stage line of `after` is printed. */
function killAfter(
  args: string[],
  after: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, 'report', ...args], {
      cwd: ROOT,
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!sent && new RegExp(`^${after}\\s+ran`, 'm').test(stdout)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

/** A build that SIGKILLs itself before its Nth rename (pipeline/run/fault-injection.ts), or after `ms`. */
function killAt(args: string[], at: { rename: number } | { ms: number }): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const env = 'rename' in at ? { ...ENV, NORMA_TEST_KILL_AT_RENAME: String(at.rename) } : ENV;
    const child = spawn(process.execPath, [LAUNCHER, 'report', ...args], { cwd: ROOT, env, stdio: 'ignore' });
    const timer = 'ms' in at ? setTimeout(() => child.kill('SIGKILL'), at.ms) : undefined;
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface Manifest {
  edition: string;
  sequence: number;
  files: { path: string; sha256: string }[];
}

/**
 * The pair agrees: SHA256SUMS checks, the latest report is the newest edition's, and data/clean holds
 * exactly that edition's clean files. Returns how many editions there are (1: the old pair, 2: the new).
 */
function checkPair(ws: { clean: string; out: string }): number {
  execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: ws.out, encoding: 'utf8' });
  const editions = readdirSync(path.join(ws.out, 'editions'));
  const manifests = editions
    .map(
      (id) =>
        JSON.parse(readFileSync(path.join(ws.out, 'editions', id, 'manifest.json'), 'utf8')) as Manifest,
    )
    .sort((a, b) => b.sequence - a.sequence);
  const newest = manifests[0]!;
  for (const file of newest.files) {
    const where = CLEAN_FILES.includes(file.path)
      ? path.join(ws.clean, file.path)
      : path.join(ws.out, file.path);
    expect(sha(where), `${file.path} is edition ${newest.edition}'s`).toBe(file.sha256);
  }
  for (const name of CLEAN_FILES)
    expect(
      newest.files.some((f) => f.path === name),
      name,
    ).toBe(true);
  expect(readdirSync(ws.clean).filter((n) => n.endsWith('.norma-tmp'))).toEqual([]);
  expect(existsSync(path.join(ws.out, '.norma', 'commit.json'))).toBe(false);
  return editions.length;
}

describe.runIf(CHROMIUM)('a build killed midway', () => {
  const ws = workspace('basic');
  const args = withReport(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out]);
  const published = () =>
    Object.fromEntries(
      ['report.html', 'report.pdf', 'SHA256SUMS', 'index.html', 'feed.xml'].map((f) => [
        f,
        readFileSync(path.join(ws.out, f)),
      ]),
    );
  let before: Record<string, Buffer>;
  let cleanBefore: string;
  beforeAll(() => {
    const first = runCli(args);
    expect(first.code, first.stderr).toBe(0);
    before = published();
    cleanBefore = readFileSync(path.join(ws.clean, 'reconciled.csv'), 'utf8');
    const obs = path.join(ws.raw, 'observations/zemskov-1991.csv');
    writeFileSync(obs, readFileSync(obs, 'utf8').replace('2 528 146', '2 611 111'));
  });
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it.each([
    ['clean', 'SIGINT'],
    ['reconcile', 'SIGTERM'],
    ['html', 'SIGKILL'],
  ] as const)(
    'killed after %s with %s leaves the last report, its edition and data/clean whole',
    async (stage, signal) => {
      const run = await killAfter(args, stage, signal);
      expect(run.code).not.toBe(0);
      const after = published();
      for (const [name, bytes] of Object.entries(before)) expect(after[name]?.equals(bytes), name).toBe(true);
      expect(
        execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: ws.out, encoding: 'utf8' }),
      ).toBe('');
      expect(readdirSync(path.join(ws.out, 'editions'))).toHaveLength(1);
      expect(readFileSync(path.join(ws.clean, 'reconciled.csv'), 'utf8')).toBe(cleanBefore);
    },
  );

  it('lets the next build run (a stale lock is taken over) and publish the change', () => {
    const next = runCli(args, { SOURCE_DATE_EPOCH: '1700200000' });
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(path.join(ws.out, 'editions'))).toHaveLength(2);
    expect(readFileSync(path.join(ws.clean, 'reconciled.csv'), 'utf8')).toContain('2611111');
    expect(
      execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: ws.out, encoding: 'utf8' }),
    ).toBe('');
  });
});

describe.runIf(CHROMIUM)('a build killed at a random rename or moment, many times', () => {
  const ws = workspace('basic');
  const snapshot = path.join(ws.dir, 'snapshot');
  const args = withReport(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out]);
  let renames = 0;
  let buildMs = 0;
  /** The rename that writes the commit journal (the commit point), and how many follow it. */
  let journalAt = 0;

  const restore = () => {
    for (const part of ['clean', 'out']) {
      rmSync(path.join(ws.dir, part), { recursive: true, force: true });
      cpSync(path.join(snapshot, part), path.join(ws.dir, part), { recursive: true });
    }
  };

  beforeAll(() => {
    // The old pair: one edition and its data/clean; then a change in the raw data for the new one.
    const first = runCli(args, { SOURCE_DATE_EPOCH: '1700200000' });
    expect(first.code, first.stderr).toBe(0);
    cpSync(ws.clean, path.join(snapshot, 'clean'), { recursive: true });
    cpSync(ws.out, path.join(snapshot, 'out'), { recursive: true });
    const obs = path.join(ws.raw, 'observations/zemskov-1991.csv');
    writeFileSync(obs, readFileSync(obs, 'utf8').replace('2 528 146', '2 611 111'));
    // One uninterrupted build counts the renames a kill can fall between.
    const t0 = Date.now();
    const traced = spawnSync(process.execPath, [LAUNCHER, 'report', ...args], {
      cwd: ROOT,
      env: { ...ENV, NORMA_TEST_TRACE_RENAMES: '1' },
      encoding: 'utf8',
    });
    buildMs = Date.now() - t0;
    expect(traced.status, traced.stderr).toBe(0);
    renames = (traced.stderr.match(/^NORMA_RENAME /gm) ?? []).length;
    expect(renames).toBeGreaterThan(10);
    journalAt = Number(/^NORMA_RENAME (\d+) .*commit\.json$/m.exec(traced.stderr)?.[1] ?? 0);
    expect(journalAt).toBeGreaterThan(0);
    expect(checkPair(ws)).toBe(2);
  });
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it(
    'always leaves the old pair (edition, data/clean) or the new one, never a mix',
    async () => {
      const attempts: { at: string; editions: number }[] = [];
      // Around and inside the commit: just before the journal, just after it, midway through the
      // moves, before the last one; then random renames over the whole build, then random moments.
      const inCommit = Math.floor((journalAt + renames) / 2);
      const moments: ({ rename: number } | { ms: number })[] = [
        ...[journalAt, journalAt + 1, inCommit, renames].map((rename) => ({ rename })),
        ...Array.from({ length: RENAME_KILLS }, () => ({ rename: 1 + Math.floor(Math.random() * renames) })),
        ...Array.from({ length: TIMED_KILLS }, () => ({ ms: Math.floor(Math.random() * buildMs) })),
      ];
      for (const moment of moments) {
        restore();
        const signal = await killAt(args, moment);
        // The next command finishes a commit the kill interrupted (--check reads data/clean after it).
        const check = runCli([...args, '--check'], { SOURCE_DATE_EPOCH: '1700200000' });
        const at = 'rename' in moment ? `rename ${moment.rename}/${renames}` : `${moment.ms} ms`;
        const editions = checkPair(ws);
        expect([1, 2], at).toContain(editions);
        // data/clean is the old one exactly when the edition is: --check says which.
        expect(check.code, `${at}: ${check.stdout}${check.stderr}`).toBe(editions === 2 ? 0 : 1);
        if ('rename' in moment) expect(signal, at).toBe('SIGKILL');
        attempts.push({ at, editions });
      }
      // What the run saw, for the report: how many kills left the old pair and how many the new.
      process.stdout.write(
        `kill test: ${renames} renames (commit point at ${journalAt}); ${attempts.length} kills, ${attempts.filter((a) => a.editions === 1).length} left the old pair, ${attempts.filter((a) => a.editions === 2).length} the new; none a mix\n`,
      );
      // After all of it, the next build publishes the change.
      restore();
      const next = runCli(args, { SOURCE_DATE_EPOCH: '1700200000' });
      expect(next.code, next.stderr).toBe(0);
      expect(checkPair(ws)).toBe(2);
    },
    Math.max(600_000, (RENAME_KILLS + TIMED_KILLS + 5) * 30_000),
  );
});
