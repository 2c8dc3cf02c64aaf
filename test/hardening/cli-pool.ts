import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { ROOT } from '../e2e/run-cli.ts';

/** The launcher users run (`npm run report`), bundled code and all. */
const NODE = process.execPath;
const LAUNCHER = [path.join(ROOT, 'scripts/norma.mjs'), 'report'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

// The machine is shared: at most two CLI processes at once, however many tests run concurrently.
const LIMIT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= LIMIT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Runs the real command line in its own process (asynchronously, so that runs can overlap). */
export async function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const release = await slot();
  try {
    return await new Promise<CliRun>((resolve, reject) => {
      const child = spawn(NODE, [...LAUNCHER, ...args], {
        cwd: ROOT,
        env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  } finally {
    release();
  }
}

/** The rows of a CSV file written by the pipeline (header: true), or null when the file is absent. */
export function readCsvRows(file: string): Record<string, string>[] | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** File names in a folder, or [] when it does not exist. */
export function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
