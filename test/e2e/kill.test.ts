import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, ROOT, runCli, workspace } from './run-cli.ts';

/** Starts a build and kills it with `signal` as soon as the stage line of `after` is printed. */
function killAfter(
  args: string[],
  after: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/norma.mjs'), 'report', ...args], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700200000' },
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

describe.runIf(CHROMIUM)('a build killed midway', () => {
  const ws = workspace('basic');
  const args = ['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out];
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
