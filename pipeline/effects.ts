import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Side effects are passed in (as Observable Framework's `*Effects`), so that a stage can be tested
 * without touching the disk, and a full disk or a crash can be simulated.
 */
export interface FileSystem {
  readFile(file: string): Promise<Buffer>;
  readText(file: string): Promise<string>;
  /** Writes to a temp name beside the target, then renames: a crash never leaves a half file. */
  writeAtomic(file: string, data: string | Uint8Array): Promise<void>;
  exists(file: string): Promise<boolean>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
  stat(file: string): Promise<{ isDirectory: boolean; size: number } | null>;
}

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  debug(line: string): void;
}

export interface Effects {
  fs: FileSystem;
  logger: Logger;
  /** The build's date, from SOURCE_DATE_EPOCH, the last commit, or today (see build-date.ts). */
  now(): Date;
}

export const nodeFileSystem: FileSystem = {
  readFile: (file) => fs.readFile(file),
  readText: (file) => fs.readFile(file, 'utf8'),
  async writeAtomic(file, data) {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, data);
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  },
  async exists(file) {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  },
  readdir: (dir) => fs.readdir(dir),
  async mkdir(dir) {
    await fs.mkdir(dir, { recursive: true });
  },
  rename: (from, to) => fs.rename(from, to),
  async remove(file) {
    await fs.rm(file, { force: true, recursive: true });
  },
  async stat(file) {
    try {
      const s = await fs.stat(file);
      return { isDirectory: s.isDirectory(), size: s.size };
    } catch {
      return null;
    }
  },
};

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
    async writeAtomic(f, data) {
      if (options.failWrites?.(f)) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${f}'`), { code: 'ENOSPC' });
      }
      files.set(key(f), Buffer.from(data));
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
      if (b) return { isDirectory: false, size: b.length };
      return isDir(f) ? { isDirectory: true, size: 0 } : null;
    },
  };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
