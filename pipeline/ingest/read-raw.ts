import * as path from 'node:path';
import type { FileSystem } from '../effects.ts';
import type { Problem, RawFileKind } from '../types.ts';
import { ESSAY_FILES, type RawEssayInput } from './essay.ts';
import type { RawInput } from './ingest.ts';
import { kindOfPath } from './schema.ts';

/** The I/O edge of ingest: lists and reads the raw folder. */
export async function readRawFolder(
  fs: FileSystem,
  rawDir: string,
): Promise<{ inputs: RawInput[]; problems: Problem[]; essay: RawEssayInput | null }> {
  const inputs: RawInput[] = [];
  const problems: Problem[] = [];
  const add = (read: RawInput | Problem): void => {
    if ('code' in read) problems.push(read);
    else inputs.push(read);
  };
  const top = await listFolder(fs, rawDir, '.', problems);
  for (const name of top) {
    const kind = kindOfPath(name);
    if (!kind) continue;
    add(await readInput(fs, rawDir, name, kind));
  }
  const essay = await readEssay(fs, rawDir, top, problems);
  if (!top.includes('claims.csv')) {
    problems.push({
      kind: 'warning',
      code: 'no-claims',
      ref: 'claims.csv',
      message: 'claims.csv is missing from the raw folder: no claims will be checked.',
    });
  }
  const obsDir = path.join(rawDir, 'observations');
  const stat = await fs.stat(obsDir);
  if (stat && !stat.isDirectory) {
    problems.push({
      kind: 'warning',
      code: 'observations-not-a-folder',
      ref: 'observations',
      message:
        'observations is a file, not a folder: no figures were read. Put one CSV per source in the folder observations/.',
    });
  }
  if (stat?.isDirectory) {
    for (const name of (await listFolder(fs, obsDir, 'observations', problems)).sort()) {
      const rel = `observations/${name}`;
      const kind = kindOfPath(rel);
      const isDir = (await fs.stat(path.join(obsDir, name)))?.isDirectory;
      if (kind && !isDir) add(await readInput(fs, rawDir, rel, kind));
      else if (!name.startsWith('.')) {
        problems.push({
          kind: 'warning',
          code: 'unknown-file',
          ref: rel,
          message: `${rel} is not a CSV file and is ignored.`,
        });
      }
    }
  }
  return { inputs, problems, essay };
}

/** essay.txt, else essay.md (DESIGN §4), read like a raw file; an essay.md beside essay.txt is ignored. */
async function readEssay(
  fs: FileSystem,
  rawDir: string,
  top: readonly string[],
  problems: Problem[],
): Promise<RawEssayInput | null> {
  const [name, ...others] = ESSAY_FILES.filter((n) => top.includes(n));
  if (!name) return null;
  for (const other of others)
    problems.push({
      kind: 'warning',
      code: 'second-essay',
      ref: other,
      message: `${other} is ignored: ${name} is the essay the claims quote.`,
    });
  const read = await readInput(fs, rawDir, name, 'claims');
  if ('code' in read) {
    problems.push(read);
    return null;
  }
  return { path: name, bytes: read.bytes };
}

/**
 * One raw file's bytes, or the problem that stops it, named for the editor: a broken link, a pipe or a
 * device (which would never end), a file the user may not read. Not an internal error: the fix is in the
 * raw folder.
 */
async function readInput(
  fs: FileSystem,
  rawDir: string,
  rel: string,
  kind: RawFileKind,
): Promise<RawInput | Problem> {
  const full = path.join(rawDir, rel);
  const stop = (code: string, message: string): Problem => ({ kind: 'fatal', code, ref: rel, message });
  const stat = await fs.stat(full);
  if (!stat)
    return stop('unreadable-file', `${rel} could not be read: it is a broken link; fix or remove it.`);
  if (stat.isDirectory) return stop('not-a-file', `${rel} is a folder; it must be a CSV file.`);
  if (!stat.isFile)
    return stop('not-a-file', `${rel} is not a regular file (a pipe or a device); it must be a CSV file.`);
  try {
    return { path: rel, kind, bytes: await fs.readFile(full) };
  } catch (error) {
    return stop('unreadable-file', `${rel} could not be read (${readError(error)}).`);
  }
}

/** A folder's names, or none with a problem saying why it could not be listed. */
async function listFolder(fs: FileSystem, dir: string, rel: string, problems: Problem[]): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    const why = readError(error);
    const name = rel === '.' ? 'the raw folder' : `the folder ${rel}`;
    problems.push({
      kind: 'fatal',
      code: 'unreadable-folder',
      ref: rel,
      message: `${name} could not be listed (${why}).`,
    });
    return [];
  }
}

/** Why a read failed, in words an editor can act on. */
function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied; make it readable'
    : (code ?? String(error));
}

/**
 * Ingest's problems with the raw folder's (readRawFolder's), for every caller that runs both: a catalog
 * file that is there but cannot be read (a folder, a broken link) is not also reported as missing.
 */
export function withRawProblems(ingested: readonly Problem[], raw: readonly Problem[]): Problem[] {
  const named = new Set(raw.filter((p) => p.kind === 'fatal').map((p) => p.ref));
  return [...ingested.filter((p) => !(p.code === 'missing-file' && named.has(p.ref))), ...raw];
}
