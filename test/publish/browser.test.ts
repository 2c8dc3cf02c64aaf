import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, runCli, workspace } from '../e2e/run-cli.ts';

/** The browser a build uses, seen from outside: fake executables stand in for a broken Chromium. */
describe('the build and its browser', () => {
  const ws = workspace('basic');
  const args = (name: string) => [
    '--raw',
    ws.raw,
    '--clean',
    path.join(ws.dir, name, 'clean'),
    '--out',
    path.join(ws.dir, name, 'out'),
  ];
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  const script = (name: string, body: string) => {
    const file = path.join(ws.dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('a Chromium that never answers: exit 3 with a sentence, in bounded time', () => {
    const silent = script('silent-chrome', 'exec sleep 600');
    // The timeouts scaled down (never up) so the test waits seconds, not a minute per step.
    const run = runCli(args('silent'), {
      PUPPETEER_EXECUTABLE_PATH: silent,
      NORMA_BROWSER_TIMEOUT_MS: '1500',
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/did not answer within \d+ s while (starting|printing)/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toMatch(/^publish\s+ran/m);
  });

  it('PUPPETEER_EXECUTABLE_PATH naming a folder: exit 3 with a sentence, no stack trace', () => {
    const folder = path.join(ws.dir, 'chrome-folder');
    mkdirSync(folder, { recursive: true });
    const run = runCli(args('folder'), { PUPPETEER_EXECUTABLE_PATH: folder });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('is a folder');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('internal error');
  });

  it.runIf(CHROMIUM)('one build launches one browser (none after publish)', () => {
    const log = path.join(ws.dir, 'launches.log');
    const counting = script('counting-chrome', `echo launch >> '${log}'\nexec '${CHROMIUM}' "$@"`);
    const run = runCli(args('once'), { PUPPETEER_EXECUTABLE_PATH: counting });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['launch']);
  });
});
