import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findChromium } from '../../pipeline/report/pdf/find-chromium.ts';

/** The Chromium the pdf stage would use here, or null: the tests that print need one. */
export const CHROMIUM = await findChromium();

export const ROOT = path.resolve(import.meta.dirname, '../..');
const LAUNCHER = path.join(ROOT, 'scripts/norma.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, as `npm run report` does, in its own process. */
export function runCli(args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [LAUNCHER, 'report', ...withReport(args)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env },
    timeout: 240_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A fixture's words go with its data: when a test names `--raw DIR` and no `--report`/`--project`, and
 * DIR has a `report` folder beside it (a workspace copies the fixture's), the run uses that folder.
 */
export function withReport(args: string[]): string[] {
  if (args.some((a) => /^--(report|project)\b/.test(a))) return args;
  const i = args.findIndex((a) => a === '--raw' || a.startsWith('--raw='));
  if (i < 0) return args;
  const raw = args[i]!.startsWith('--raw=') ? args[i]!.slice(6) : args[i + 1];
  const report = raw ? path.join(path.dirname(path.resolve(ROOT, raw)), 'report') : '';
  return report && existsSync(report) ? [...args, '--report', report] : args;
}

/** A fresh temp workspace with a copy of a fixture's raw folder (and report/, if it has one). */
export function workspace(fixture: string): { dir: string; raw: string; clean: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'norma-e2e-'));
  const raw = path.join(dir, 'raw');
  cpSync(path.join(ROOT, 'test/fixtures', fixture, 'raw'), raw, { recursive: true });
  const report = path.join(ROOT, 'test/fixtures', fixture, 'report');
  if (existsSync(report)) cpSync(report, path.join(dir, 'report'), { recursive: true });
  return { dir, raw, clean: path.join(dir, 'clean'), out: path.join(dir, 'out') };
}
