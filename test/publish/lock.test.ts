import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../pipeline/io/effects.ts';
import {
  acquireLock,
  decideLock,
  type LockDeps,
  LockHeldError,
  lockPath,
  processIsAlive,
} from '../../pipeline/run/lock.ts';

const self = { pid: 100, host: 'here' };
const lock = (o: object) =>
  JSON.stringify({ pid: 42, host: 'here', started: '2024-01-01T00:00:00.000Z', token: 't', ...o });

describe('decideLock (pure)', () => {
  it('takes over the lock of a dead process', () => {
    expect(decideLock(lock({}), self, () => false, 'L')).toMatchObject({ action: 'take-over' });
  });
  it('refuses a live holder, naming its pid and how to clear it', () => {
    const d = decideLock(lock({}), self, () => true, 'out/.norma/lock');
    expect(d).toMatchObject({ action: 'refuse', holder: { pid: 42 } });
    expect(d.action === 'refuse' && d.message).toMatch(/pid 42.*delete out\/\.norma\/lock/);
  });
  it('takes over an unreadable lock and one with our own pid', () => {
    expect(decideLock('', self, () => true, 'L').action).toBe('take-over');
    expect(decideLock('{"pid":"x"}', self, () => true, 'L').action).toBe('take-over');
    expect(decideLock(lock({ pid: 100 }), self, () => true, 'L').action).toBe('take-over');
  });
  it('refuses a lock from another host (its pid cannot be checked)', () => {
    expect(decideLock(lock({ host: 'there' }), self, () => false, 'L')).toMatchObject({ action: 'refuse' });
  });
});

/** In-memory deps: a map for the file system and a set of live pids. */
function memoryDeps(
  files: Map<string, string>,
  alive: Set<number>,
  pid = 100,
): LockDeps & { logger: ReturnType<typeof memoryLogger> } {
  return {
    async createExclusive(file, text) {
      if (files.has(file)) return false;
      files.set(file, text);
      return true;
    },
    async readText(file) {
      return files.get(file) ?? null;
    },
    async remove(file) {
      files.delete(file);
    },
    isAlive: (p) => alive.has(p),
    pid,
    host: 'here',
    clock: () => new Date('2024-01-01T00:00:00Z'),
    logger: memoryLogger(),
  };
}

describe('acquireLock', () => {
  it('creates the lock, refuses a second build while held, and releases', async () => {
    const files = new Map<string, string>();
    const alive = new Set([100, 200]);
    const release = await acquireLock('/out/.norma', memoryDeps(files, alive, 100));
    expect(JSON.parse(files.get(lockPath('/out/.norma'))!)).toMatchObject({ pid: 100, host: 'here' });
    const second = acquireLock('/out/.norma', memoryDeps(files, alive, 200));
    await expect(second).rejects.toBeInstanceOf(LockHeldError);
    await expect(acquireLock('/out/.norma', memoryDeps(files, alive, 200))).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('pid 100'),
    });
    await release();
    expect(files.size).toBe(0);
    const again = await acquireLock('/out/.norma', memoryDeps(files, alive, 200));
    await again();
  });

  it('takes over a lock left by a dead process, with a warning', async () => {
    const files = new Map([[lockPath('/w'), lock({ pid: 999 })]]);
    const deps = memoryDeps(files, new Set([100]));
    const release = await acquireLock('/w', deps);
    expect(deps.logger.lines.join('\n')).toMatch(/taking over.*pid 999.*gone/);
    expect(JSON.parse(files.get(lockPath('/w'))!).pid).toBe(100);
    await release();
  });

  it('does not remove a lock that is no longer ours on release', async () => {
    const files = new Map<string, string>();
    const release = await acquireLock('/w', memoryDeps(files, new Set([100])));
    files.set(lockPath('/w'), lock({ pid: 300, token: 'other' }));
    await release();
    expect(files.has(lockPath('/w'))).toBe(true);
  });
});

describe('acquireLock on disk, with real processes', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a live process and takes over from a killed one', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'norma-lock-'));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = child.pid!;
    const { hostname } = await import('node:os');
    await writeFile(lockPath(dir), lock({ pid, host: hostname() }));
    await expect(acquireLock(dir)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining(`pid ${pid}`),
    });

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(processIsAlive(pid)).toBe(false);
    const logger = memoryLogger();
    const release = await acquireLock(dir, { logger });
    expect(logger.lines.join('\n')).toContain(`pid ${pid}`);
    expect(JSON.parse(await readFile(lockPath(dir), 'utf8')).pid).toBe(process.pid);
    await release();
    await expect(readFile(lockPath(dir), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
