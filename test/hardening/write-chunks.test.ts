import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectGarbage, memoryFileSystem, nodeFileSystem } from '../../pipeline/io/effects.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeAtomicChunks', () => {
  it('writes every piece in order, multibyte text included, and leaves no temp file', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'norma-chunks-'));
    const file = path.join(dir, 'sub', 'out.csv');
    const pieces = ['a,b\n', '', 'млн,≈ 5\n', 'x'.repeat(100_000), '\n'];
    await nodeFileSystem.writeAtomicChunks(file, pieces);
    expect(await readFile(file, 'utf8')).toBe(pieces.join(''));
    expect(await readdir(path.dirname(file))).toEqual(['out.csv']);
    const memory = memoryFileSystem();
    await memory.writeAtomicChunks('/m/out.csv', pieces);
    expect(await memory.readText('/m/out.csv')).toBe(pieces.join(''));
  });

  it('removes the temp file when a piece fails', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'norma-chunks-'));
    const file = path.join(dir, 'out.csv');
    function* failing(): Generator<string> {
      yield 'first\n';
      throw new Error('boom');
    }
    await expect(nodeFileSystem.writeAtomicChunks(file, failing())).rejects.toThrow('boom');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('collectGarbage', () => {
  it('resolves (a no-op for a small heap)', async () => {
    await expect(collectGarbage()).resolves.toBeUndefined();
  });
  it('collects what nothing holds any more, when the heap is big enough', async () => {
    const ref = new WeakRef({ rows: new Array(1000).fill(0) });
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await collectGarbage(0);
    expect(ref.deref()).toBeUndefined();
  });
});
