// A run held in memory: the basic fixture's raw folder copied into a memoryFileSystem, and a Runtime over
// it, so that each stage is tested on the previous stage's files without touching the disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../pipeline/cli/args.ts';
import type { StageName } from '../../pipeline/core/types.ts';
import { memoryFileSystem, memoryLogger } from '../../pipeline/io/effects.ts';
import { loadConfig } from '../../pipeline/run/config.ts';
import { makeRuntime } from '../../pipeline/run/runner.ts';
import type { Runtime, StageSpec } from '../../pipeline/run/runtime.ts';
import { STAGE_SPECS } from '../../pipeline/stages/index.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURE = path.join(REPO, 'test/fixtures/basic');
/** Where the run lives in memory; nothing is there on disk. */
export const MEM = path.resolve('/memory-project');

function copyTree(from: string, to: string, into: Record<string, Uint8Array>): void {
  for (const name of readdirSync(from)) {
    const full = path.join(from, name);
    if (statSync(full).isDirectory()) copyTree(full, path.join(to, name), into);
    else into[path.join(to, name)] = readFileSync(full);
  }
}

/** The project's own config: the fixture is built with it (test/e2e). */
export const CONFIG_TEXT = readFileSync(path.join(REPO, 'norma.config.json'), 'utf8');

export interface MemoryRun {
  fs: ReturnType<typeof memoryFileSystem>;
  logger: ReturnType<typeof memoryLogger>;
  /** A fresh runtime over the same files (no state carried over: each stage reads its inputs back). */
  runtime(): Runtime;
  stage(name: StageName): StageSpec;
}

export async function memoryRun(extra: Record<string, Uint8Array | string> = {}): Promise<MemoryRun> {
  const files: Record<string, Uint8Array | string> = {};
  copyTree(path.join(FIXTURE, 'raw'), path.join(MEM, 'data/raw'), files as Record<string, Uint8Array>);
  copyTree(path.join(FIXTURE, 'report'), path.join(MEM, 'report'), files as Record<string, Uint8Array>);
  files[path.join(MEM, 'norma.config.json')] = CONFIG_TEXT;
  Object.assign(files, extra);
  const fs = memoryFileSystem(files);
  const { config, text: configText } = await loadConfig(fs, MEM);
  const logger = memoryLogger();
  const parsed = parseArgs([]);
  if (!parsed.ok) throw new Error(parsed.message);
  const buildDate = new Date('2023-11-14T00:00:00Z');
  return {
    fs,
    logger,
    runtime: () =>
      makeRuntime(
        {
          options: parsed.options,
          effects: { fs, logger },
          root: MEM,
          config,
          configText,
          buildDate,
        },
        'memory',
      ),
    stage: (name) => STAGE_SPECS.find((s) => s.name === name)!,
  };
}

export const expected = (name: string): string => readFileSync(path.join(FIXTURE, 'expected', name), 'utf8');
