import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../pipeline/io/effects.ts';
import { readRawFolder, withRawProblems } from '../../pipeline/io/read-raw.ts';

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

describe('readRawFolder and links', () => {
  it('refuses a file that links out of the raw folder, naming the link, and reads nothing of it', async () => {
    const raw = rawFolder();
    symlinkSync('/etc/passwd', path.join(raw, 'measures.csv'));
    const { inputs, problems } = await readRawFolder(nodeFileSystem, raw);
    expect(inputs.map((i) => i.path)).not.toContain('measures.csv');
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'fatal', code: 'link-outside-raw', ref: 'measures.csv' }),
    );
    expect(JSON.stringify(problems)).not.toContain('root:');
  });

  it('an observations folder linked to /etc lists none of its names', async () => {
    const raw = rawFolder();
    rmSync(path.join(raw, 'observations'), { recursive: true });
    symlinkSync('/etc', path.join(raw, 'observations'));
    const { inputs, problems } = await readRawFolder(nodeFileSystem, raw);
    expect(inputs.map((i) => i.path)).toEqual(['sources.csv']);
    expect(problems.filter((p) => p.kind === 'fatal').map((p) => [p.code, p.ref])).toEqual([
      ['link-outside-raw', 'observations'],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/passwd|hostname|os-release/);
  });

  it('follows a link to a file inside the raw folder', async () => {
    const raw = rawFolder();
    writeFileSync(path.join(raw, 'kept.txt'), 'measure_id,label,unit,definition\n');
    symlinkSync(path.join(raw, 'observations', '..', 'kept.txt'), path.join(raw, 'measures.csv'));
    const { inputs, problems } = await readRawFolder(nodeFileSystem, raw);
    expect(inputs.map((i) => i.path)).toContain('measures.csv');
    expect(problems.filter((p) => p.kind === 'fatal')).toEqual([]);
  });

  it('reads a raw folder that is itself a link', async () => {
    const raw = rawFolder();
    const link = `${raw}-link`;
    symlinkSync(raw, link);
    try {
      const { inputs } = await readRawFolder(nodeFileSystem, link);
      expect(inputs.map((i) => i.path)).toEqual(['sources.csv', 'observations/good.csv']);
    } finally {
      rmSync(link);
    }
  });
});

describe('readRawFolder and file names', () => {
  it('takes an observation file whose extension is in capitals', async () => {
    const raw = rawFolder();
    writeFileSync(path.join(raw, 'observations', 'upper.CSV'), 'measure_id,period,value\n');
    const { inputs, problems } = await readRawFolder(nodeFileSystem, raw);
    expect(inputs.map((i) => i.path)).toContain('observations/upper.CSV');
    expect(problems.filter((p) => p.ref === 'observations/upper.CSV')).toEqual([]);
  });

  it('refuses x.csv beside x.CSV (one source, two files), naming both', async () => {
    const raw = rawFolder();
    writeFileSync(path.join(raw, 'observations', 'good.CSV'), 'measure_id,period,value\n');
    const { problems } = await readRawFolder(nodeFileSystem, raw);
    const fatal = problems.filter((p) => p.kind === 'fatal');
    expect(fatal.map((p) => p.code)).toEqual(['duplicate-source-file']);
    expect(fatal[0]?.message).toContain(
      'observations/good.CSV and observations/good.csv are both the file of the source "good"',
    );
  });

  it('a catalog file named in other case is fatal, not skipped', async () => {
    const raw = rawFolder();
    writeFileSync(path.join(raw, 'Claims.CSV'), 'claim_id,measure_id,claimed\n');
    const { problems } = await readRawFolder(nodeFileSystem, raw);
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'fatal', code: 'misnamed-file', ref: 'Claims.CSV' }),
    );
  });

  it('a spreadsheet in observations/ is fatal; notes and hidden files are not', async () => {
    const raw = rawFolder();
    for (const name of ['x.xlsx', 'x.tsv', 'notes.md', 'README', 'todo.txt', '.DS_Store'])
      writeFileSync(path.join(raw, 'observations', name), 'x');
    const { problems } = await readRawFolder(nodeFileSystem, raw);
    expect(problems.map((p) => [p.kind, p.ref])).toEqual([
      ['warning', 'claims.csv'],
      ['warning', 'observations/README'],
      ['warning', 'observations/notes.md'],
      ['warning', 'observations/todo.txt'],
      ['fatal', 'observations/x.tsv'],
      ['fatal', 'observations/x.xlsx'],
    ]);
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
