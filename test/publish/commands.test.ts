import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, workspace } from '../e2e/run-cli.ts';

const CLEAN_FILES = ['observations.csv', 'rejects.csv', 'reconciled.csv', 'claims.csv', 'audit.json'];

describe('npm run validate', () => {
  const ws = workspace('basic');
  const args = ['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out];
  const validate = () => runCli([...args, '--to', 'reconcile', '--validate']);
  const clean = () =>
    Object.fromEntries(CLEAN_FILES.map((f) => [f, readFileSync(path.join(ws.clean, f), 'utf8')]));
  let before: Record<string, string>;
  beforeAll(() => {
    const first = validate();
    expect(first.code, first.stderr).toBe(0);
    before = clean();
  });
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it('exits 1 on a reject and leaves data/clean untouched but rejects.csv', () => {
    const obs = path.join(ws.raw, 'observations/zemskov-1991.csv');
    const text = readFileSync(obs, 'utf8');
    // One figure changed (it would change the clean files) and one row that is rejected.
    writeFileSync(
      obs,
      `${text.replace('2 528 146', '2 611 111')}gulag-pop.camps-colonies,1952-01-01,lots,,11,verified,\n`,
    );
    const run = validate();
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('Rejects: 1');
    const after = clean();
    for (const name of CLEAN_FILES.filter((f) => f !== 'rejects.csv'))
      expect(after[name], name).toBe(before[name]);
    expect(after['rejects.csv']).toContain('observations/zemskov-1991.csv:');
    expect(run.stderr).toContain('unchanged but for rejects.csv');
  });
});

describe('npm run report', () => {
  const ws = workspace('basic');
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it('says where the report is', () => {
    const run = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out, '--formats', 'html']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`report: ${path.join(ws.out, 'report.html')}`);
    // Also when nothing changed and publish is skipped.
    const again = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out, '--formats', 'html']);
    expect(again.stdout).toMatch(/^publish\s+skipped/m);
    expect(again.stdout).toContain(`report: ${path.join(ws.out, 'report.html')}`);
  });
});

describe('npm run preview -- --help', () => {
  it("prints preview's own help, with --port and --allow-rejects, and exits 0 without serving", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/norma.mjs'), 'preview', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: npm run preview');
    expect(run.stdout).toMatch(/^\s+--port N/m);
    expect(run.stdout).toMatch(/^\s+--allow-rejects/m);
    expect(run.stdout).not.toContain('serving');
  });

  it('documents --port in the README', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/npm run preview -- --port/);
  });
});
