import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileSystem } from '../core/effects.ts';
import type { StageName } from '../core/types.ts';

export interface CacheEntry {
  key: string;
  /** Output paths (relative to the project root or absolute) with their size and, for small files, hash. */
  outputs: Record<string, { size: number; sha256?: string }>;
  /** Small numbers a skipped stage re-checks (the rejects count). */
  meta?: Record<string, number>;
}

export interface CacheManifest {
  version: 1;
  stages: Partial<Record<StageName, CacheEntry>>;
}

export const EMPTY_MANIFEST: CacheManifest = { version: 1, stages: {} };

/** Files larger than this are checked by size only: hashing a 150 MB intermediate would cost more than it saves. */
const HASH_LIMIT = 8 * 1024 * 1024;

export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? part : Buffer.from(part));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export async function readManifest(fs: FileSystem, file: string): Promise<CacheManifest> {
  try {
    const parsed = JSON.parse(await fs.readText(file)) as CacheManifest;
    return parsed.version === 1 && parsed.stages ? parsed : EMPTY_MANIFEST;
  } catch {
    return EMPTY_MANIFEST;
  }
}

export async function describeOutputs(
  fs: FileSystem,
  files: readonly string[],
): Promise<CacheEntry['outputs']> {
  const outputs: CacheEntry['outputs'] = {};
  for (const file of files) {
    const stat = await fs.stat(file);
    if (!stat) continue;
    outputs[file] =
      stat.size <= HASH_LIMIT
        ? {
            size: stat.size,
            sha256: createHash('sha256')
              .update(await fs.readFile(file))
              .digest('hex'),
          }
        : { size: stat.size };
  }
  return outputs;
}

export type CacheDecision = { run: false; why: string } | { run: true; why: string };

/** Skip only when the key matches the last run and every output is still there, unchanged. */
export async function decide(
  fs: FileSystem,
  previous: CacheEntry | undefined,
  key: string,
  expectedOutputs: readonly string[],
  force: boolean,
): Promise<CacheDecision> {
  if (force) return { run: true, why: '--force' };
  if (!previous) return { run: true, why: 'no previous run' };
  if (previous.key !== key) return { run: true, why: 'inputs changed' };
  for (const file of expectedOutputs) {
    const recorded = previous.outputs[file];
    const stat = await fs.stat(file);
    if (!recorded || !stat) return { run: true, why: `${path.basename(file)} missing` };
    if (stat.size !== recorded.size) return { run: true, why: `${path.basename(file)} changed` };
    if (recorded.sha256) {
      const now = createHash('sha256')
        .update(await fs.readFile(file))
        .digest('hex');
      if (now !== recorded.sha256) return { run: true, why: `${path.basename(file)} changed` };
    }
  }
  return { run: false, why: 'inputs unchanged' };
}

/** Content hash of every file below `dir` (sorted, with relative names), for code and templates. */
export async function hashTree(
  fs: FileSystem,
  dir: string,
  filter: (rel: string) => boolean = () => true,
): Promise<string> {
  const parts: (string | Uint8Array)[] = [];
  const walk = async (rel: string): Promise<void> => {
    const abs = path.join(dir, rel);
    const stat = await fs.stat(abs);
    if (!stat) return;
    if (stat.isDirectory) {
      for (const name of (await fs.readdir(abs)).sort()) await walk(rel ? `${rel}/${name}` : name);
    } else if (filter(rel)) {
      parts.push(rel, await fs.readFile(abs));
    }
  };
  await walk('');
  return hashParts(parts);
}
