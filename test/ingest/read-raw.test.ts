import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../pipeline/effects.ts';
import { readRawFolder, withRawProblems } from '../../pipeline/ingest/read-raw.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A raw folder with a sources.csv and an observations folder holding `good.csv`. */
function rawFolder(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'norma-read-raw-'));
  writeFileSync(path.join(dir, 'sources.csv'), 'source_id,author,title,year,kind\n');
  mkdirSync(path.join(dir, 'observations'));
  writeFileSync(path.join(dir, 'observations', 'good.csv'), 'measure_id,period,value\n');
  return dir;
}

describe('readRawFolder', () => {
  it('names a broken link, a pipe and a folder among the files, and reads the rest', async () => {
    const raw = rawFolder();
    symlinkSync(path.join(raw, 'nowhere.csv'), path.join(raw, 'observations', 'broken.csv'));
    execFileSync('mkfifo', [path.join(raw, 'observations', 'pipe.csv')]);
    mkdirSync(path.join(raw, 'observations', 'folder.csv'));
    const { inputs, problems } = await readRawFolder(nodeFileSystem, raw);
    expect(inputs.map((i) => i.path)).toEqual(['sources.csv', 'observations/good.csv']);
    const fatal = problems.filter((p) => p.kind === 'fatal');
    expect(fatal.map((p) => [p.code, p.ref])).toEqual([
      ['unreadable-file', 'observations/broken.csv'],
      ['not-a-file', 'observations/pipe.csv'],
    ]);
    expect(fatal[0]?.message).toContain('broken link');
    expect(problems.find((p) => p.ref === 'observations/folder.csv')?.code).toBe('unknown-file');
  });

  it('names a catalog file that is a broken link', async () => {
    const raw = rawFolder();
    symlinkSync(path.join(raw, 'nowhere.csv'), path.join(raw, 'claims.csv'));
    const { problems } = await readRawFolder(nodeFileSystem, raw);
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'fatal', code: 'unreadable-file', ref: 'claims.csv' }),
    );
  });
});

describe('withRawProblems', () => {
  it('does not call a catalog file missing when it is there but cannot be read', () => {
    const missing = (ref: string) =>
      ({ kind: 'fatal', code: 'missing-file', ref, message: `${ref} is missing` }) as const;
    const folder = { kind: 'fatal', code: 'not-a-file', ref: 'sources.csv', message: 'a folder' } as const;
    expect(withRawProblems([missing('sources.csv'), missing('measures.csv')], [folder])).toEqual([
      missing('measures.csv'),
      folder,
    ]);
  });
});
