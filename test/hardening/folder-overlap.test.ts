import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderOptions, parseArgs } from '../../pipeline/cli/args.ts';
import { findOverlaps, type NamedFolder } from '../../pipeline/io/folders/folder-overlap.ts';
import { realFolder } from '../../pipeline/io/folders/real-path.ts';
import { ROOT } from '../e2e/run-cli.ts';
import { runCliAsync } from './cli-pool.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'norma-overlap-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const folder = (option: string, real: string): NamedFolder => ({ option, given: real, real });

describe('findOverlaps', () => {
  it('names both folders when they are the same or one is inside the other', () => {
    const same = findOverlaps([folder('--raw', '/p/raw'), folder('--clean', '/p/raw')]);
    expect(same.map((o) => o.message)).toEqual([
      '--raw "/p/raw" and --clean "/p/raw" are the same folder; each must be a folder of its own (the pipeline would overwrite or read back its own files).',
    ]);
    const inside = findOverlaps([folder('--raw', '/p/raw'), folder('--out', '/p/raw/reports')]);
    expect(inside[0]?.message).toContain('--out "/p/raw/reports" is inside --raw "/p/raw"');
    const outside = findOverlaps([folder('--clean', '/p/clean/x'), folder('--out', '/p/clean')]);
    expect(outside[0]?.message).toContain('--clean "/p/clean/x" is inside --out "/p/clean"');
  });

  it('lets apart folders be, siblings with a common prefix included', () => {
    expect(
      findOverlaps([
        folder('--raw', '/p/data/raw'),
        folder('--clean', '/p/data/raw-clean'),
        folder('--out', '/p/reports'),
      ]),
    ).toEqual([]);
  });

  it('checks every pair of the options folderOptions lists', () => {
    const parsed = parseArgs(['--raw', 'a', '--clean', 'a', '--out', 'a']);
    if (!parsed.ok) throw new Error(parsed.message);
    const named = folderOptions(parsed.options).map((f) => ({ ...f, real: `/root/${f.given}` }));
    expect(findOverlaps(named)).toHaveLength(3);
  });
});

describe('realFolder', () => {
  it('sees through links and `..`, and keeps a part that does not exist yet', () => {
    const raw = path.join(temp, 'real', 'raw');
    mkdirSync(raw, { recursive: true });
    symlinkSync(raw, path.join(temp, 'link'));
    const real = realFolder(temp, 'real/raw');
    expect(realFolder(temp, 'link')).toBe(real);
    // link/.. is the target's parent as the system follows it, not `temp`.
    expect(realFolder(temp, 'link/..')).toBe(path.dirname(real));
    expect(realFolder('/', path.join(temp, 'link', 'new', '..', 'clean'))).toBe(path.join(real, 'clean'));
  });
});

describe('the command line refuses overlapping folders', () => {
  it('--clean the same as --raw is a usage error and leaves claims.csv as written', async () => {
    const raw = path.join(temp, 'cli', 'raw');
    cpSync(path.join(ROOT, 'test/fixtures/basic/raw'), raw, { recursive: true });
    symlinkSync(raw, path.join(temp, 'cli', 'same'));
    const before = readFileSync(path.join(raw, 'claims.csv'), 'utf8');
    for (const clean of [raw, path.join(temp, 'cli', 'same'), path.join(raw, 'observations', '..')]) {
      const run = await runCliAsync([
        '--raw',
        raw,
        '--clean',
        clean,
        '--out',
        path.join(temp, 'cli', 'out'),
        '--to',
        'reconcile',
      ]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`--raw "${raw}" and --clean "${clean}" are the same folder`);
      expect(readFileSync(path.join(raw, 'claims.csv'), 'utf8')).toBe(before);
    }
  });

  it('an out folder inside the raw folder is a usage error', async () => {
    const raw = path.join(temp, 'cli2', 'raw');
    cpSync(path.join(ROOT, 'test/fixtures/basic/raw'), raw, { recursive: true });
    const run = await runCliAsync([
      '--raw',
      raw,
      '--clean',
      path.join(temp, 'cli2', 'clean'),
      '--out',
      path.join(raw, 'reports'),
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`--out "${path.join(raw, 'reports')}" is inside --raw "${raw}"`);
  });
});
