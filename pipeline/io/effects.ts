import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { FileSystem, Logger } from '../core/effects.ts';

async function sameContentOnDisk(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  if (!sa || !sb || sa.size !== sb.size) return false;
  const [fa, fb] = await Promise.all([fs.open(a, 'r'), fs.open(b, 'r')]);
  try {
    const size = 1 << 20;
    const ba = Buffer.allocUnsafe(size);
    const bb = Buffer.allocUnsafe(size);
    for (let at = 0; at < sa.size; at += size) {
      const [ra, rb] = await Promise.all([fa.read(ba, 0, size, at), fb.read(bb, 0, size, at)]);
      if (
        ra.bytesRead !== rb.bytesRead ||
        !ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))
      ) {
        return false;
      }
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

type Rename = (from: string, to: string) => Promise<void>;

/** The temp name beside `target` that a write goes through (`rejects.csv.PID.HEX.tmp`). */
export function tempName(target: string): string {
  return `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** True for a name `tempName` makes: what a kill mid-write leaves behind. */
export function isTempName(name: string): boolean {
  return /\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

/** Writes `target` through a temp name beside it, then renames: a crash never leaves a half file. */
async function viaTemp(rename: Rename, target: string, fill: (temp: string) => Promise<void>): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = tempName(target);
  try {
    await fill(temp);
    await rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * The real file system. `beforeRename` is called before every rename it makes (its own and those of
 * writeAtomic and copyAtomic): the kill test uses it to stop a build at any rename (fault-injection.ts).
 */
export function createNodeFileSystem(beforeRename?: (from: string, to: string) => void): FileSystem {
  const rename: Rename = (from, to) => {
    beforeRename?.(from, to);
    return fs.rename(from, to);
  };
  return { ...nodeFileSystemBase(rename), rename };
}

const nodeFileSystemBase = (rename: Rename): FileSystem => ({
  sameContent: sameContentOnDisk,
  copyAtomic: (from, to) => viaTemp(rename, to, (temp) => fs.copyFile(from, temp)),
  readFile: (file) => fs.readFile(file),
  readText: (file) => fs.readFile(file, 'utf8'),
  writeAtomic: (file, data) => viaTemp(rename, file, (temp) => fs.writeFile(temp, data)),
  writeAtomicChunks: (file, chunks) =>
    viaTemp(rename, file, async (temp) => {
      const handle = await fs.open(temp, 'w');
      try {
        // Written synchronously, a piece at a time: each piece is garbage as soon as it is written (an
        // await per piece, or gathering pieces into bigger writes, kept them alive into the old generation).
        for (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          for (let at = 0; at < bytes.length; ) at += writeSync(handle.fd, bytes, at);
        }
      } finally {
        await handle.close();
      }
    }),
  async exists(file) {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  },
  readdir: (dir) => fs.readdir(dir),
  async realpath(file) {
    try {
      return await fs.realpath(file);
    } catch {
      return null;
    }
  },
  async mkdir(dir) {
    await fs.mkdir(dir, { recursive: true });
  },
  rename,
  async remove(file) {
    await fs.rm(file, { force: true, recursive: true });
  },
  async stat(file) {
    try {
      const s = await fs.stat(file);
      return { isDirectory: s.isDirectory(), isFile: s.isFile(), size: s.size };
    } catch {
      return null;
    }
  },
});

export const nodeFileSystem: FileSystem = createNodeFileSystem();

export function consoleLogger(debug = false): Logger {
  return {
    info: (line) => process.stdout.write(`${line}\n`),
    warn: (line) => process.stderr.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
    debug: (line) => {
      if (debug) process.stderr.write(`debug: ${line}\n`);
    },
  };
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (line) => lines.push(line),
    warn: (line) => lines.push(line),
    error: (line) => lines.push(line),
    debug: () => {},
  };
}

/** An in-memory file system for stage tests; `failWrites` simulates a full disk. */
export function memoryFileSystem(
  initial: Record<string, string | Uint8Array> = {},
  options: { failWrites?: (file: string) => boolean } = {},
): FileSystem & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  for (const [k, v] of Object.entries(initial)) files.set(path.resolve(k), Buffer.from(v));
  const key = (f: string) => path.resolve(f);
  const isDir = (d: string) => {
    const prefix = key(d) + path.sep;
    for (const f of files.keys()) if (f.startsWith(prefix)) return true;
    return false;
  };
  const enoent = (f: string) => Object.assign(new Error(`ENOENT: no such file, ${f}`), { code: 'ENOENT' });
  const writeAtomic = async (f: string, data: string | Uint8Array) => {
    if (options.failWrites?.(f)) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${f}'`), { code: 'ENOSPC' });
    }
    files.set(key(f), Buffer.from(data));
  };
  return {
    files,
    async readFile(f) {
      const b = files.get(key(f));
      if (!b) throw enoent(f);
      return b;
    },
    async readText(f) {
      const b = files.get(key(f));
      if (!b) throw enoent(f);
      return b.toString('utf8');
    },
    writeAtomic,
    writeAtomicChunks: (f, chunks) =>
      writeAtomic(f, Buffer.concat([...chunks].map((c) => (typeof c === 'string' ? Buffer.from(c) : c)))),
    async sameContent(a, b) {
      const x = files.get(key(a));
      const y = files.get(key(b));
      return Boolean(x && y && x.equals(y));
    },
    async copyAtomic(from, to) {
      const b = files.get(key(from));
      if (!b) throw enoent(from);
      await writeAtomic(to, b);
    },
    async exists(f) {
      return files.has(key(f)) || isDir(f);
    },
    async readdir(d) {
      const prefix = key(d) + path.sep;
      const names = new Set<string>();
      for (const f of files.keys()) {
        if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split(path.sep)[0]!);
      }
      if (names.size === 0) throw enoent(d);
      return [...names].sort();
    },
    async realpath(f) {
      return files.has(key(f)) || isDir(f) ? key(f) : null;
    },
    async mkdir() {},
    async rename(from, to) {
      const b = files.get(key(from));
      if (!b) throw enoent(from);
      files.delete(key(from));
      files.set(key(to), b);
    },
    async remove(f) {
      const k = key(f);
      for (const name of [...files.keys()])
        if (name === k || name.startsWith(k + path.sep)) files.delete(name);
    },
    async stat(f) {
      const b = files.get(key(f));
      if (b) return { isDirectory: false, isFile: true, size: b.length };
      return isDir(f) ? { isDirectory: true, isFile: false, size: 0 } : null;
    },
  };
}

type Gc = (options: { type: 'major'; execution: 'async' }) => Promise<void>;
let fullGc: Gc | null | undefined;

/**
 * A full garbage collection, between stages of a big run: V8 sizes its next heap limit from the live
 * size at the last full collection, so collecting once a stage has let go of its rows keeps the peak
 * memory near what is live rather than several times it (1M rows: peak RSS ~2.0 → ~1.6 GB, for about a
 * second per collection). Only for a big heap; a no-op where the runtime does not allow it.
 */
export async function collectGarbage(minHeapBytes = 256 * 1024 * 1024): Promise<void> {
  // A small run's heap is small: a forced collection would only cost time.
  if (v8.getHeapStatistics().used_heap_size < minHeapBytes) return;
  if (fullGc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      fullGc = vm.runInNewContext('gc') as Gc;
    } catch {
      fullGc = null;
    }
  }
  await fullGc?.({ type: 'major', execution: 'async' });
}
