import * as path from 'node:path';
import type { FileSystem } from '../core/effects.ts';
import type { Problem, ProblemCode, RawFileKind, RawInput } from '../core/types.ts';
import { ESSAY_FILES, type RawEssayInput } from '../data/ingest/essay.ts';
import { CATALOG_FILES, kindOfPath } from '../data/ingest/schema.ts';
import { within } from './folders/folder-overlap.ts';

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
  // Links are judged by where they lead: the raw folder itself may be a link, a file in it may not
  // lead out of it.
  const realRaw = (await fs.realpath(rawDir)) ?? rawDir;
  const top = await listFolder(fs, rawDir, '.', problems);
  for (const name of top) {
    const kind = kindOfPath(name);
    if (!kind) {
      const catalog = CATALOG_FILES.find((c) => c === name.toLowerCase());
      if (catalog)
        problems.push({
          kind: 'fatal',
          code: 'misnamed-file',
          ref: name,
          message: `${name} must be named ${catalog} (in lower case) to be read; rename it.`,
        });
      continue;
    }
    add(await readInput(fs, rawDir, realRaw, name, kind));
  }
  const essay = await readEssay(fs, rawDir, realRaw, top, problems);
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
    const outside = await leavesRaw(fs, obsDir, realRaw, 'observations');
    if (outside) problems.push(outside);
    else await readObservations(fs, rawDir, realRaw, problems, add);
  }
  return { inputs, problems, essay };
}

/** essay.txt, else essay.md (DESIGN §4), read like a raw file; an essay.md beside essay.txt is ignored. */
async function readEssay(
  fs: FileSystem,
  rawDir: string,
  realRaw: string,
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
  const read = await readInput(fs, rawDir, realRaw, name, 'claims');
  if ('code' in read) {
    problems.push(read);
    return null;
  }
  return { path: name, bytes: read.bytes };
}

/**
 * observations/: one CSV per source, its extension in any case. Folders are warned of and skipped; hidden
 * files (`.DS_Store`) are skipped; notes (`*.md`, `*.txt`, README) are warned of and skipped; any other
 * file (a spreadsheet, a TSV, a backup) is fatal, so that no source's figures vanish with exit 0.
 */
async function readObservations(
  fs: FileSystem,
  rawDir: string,
  realRaw: string,
  problems: Problem[],
  add: (read: RawInput | Problem) => void,
): Promise<void> {
  const obsDir = path.join(rawDir, 'observations');
  const names = (await listFolder(fs, obsDir, 'observations', problems)).sort();
  const bySource = new Map<string, string[]>();
  for (const name of names) {
    const rel = `observations/${name}`;
    const kind = kindOfPath(rel);
    const isDir = (await fs.stat(path.join(obsDir, name)))?.isDirectory;
    if (name.startsWith('.')) continue;
    if (kind && !isDir) {
      const id = name.slice(0, -4);
      bySource.set(id, [...(bySource.get(id) ?? []), rel]);
      add(await readInput(fs, rawDir, realRaw, rel, kind));
    } else if (isDir || /\.(md|txt)$|^readme$/i.test(name)) {
      problems.push({
        kind: 'warning',
        code: 'unknown-file',
        ref: rel,
        message: `${rel} is not a CSV file and is ignored.`,
      });
    } else {
      problems.push({
        kind: 'fatal',
        code: 'not-csv',
        ref: rel,
        message: `${rel} is not a CSV file, and observations/ holds one CSV per source; save it as CSV UTF-8 (observations/<source_id>.csv) or move it out of the raw folder (notes may be .md or .txt).`,
      });
    }
  }
  for (const [id, files] of bySource) {
    if (files.length > 1)
      problems.push({
        kind: 'fatal',
        code: 'duplicate-source-file',
        ref: files[0]!,
        message: `${files.join(' and ')} are both the file of the source "${id}"; keep one (merge their rows into it).`,
      });
  }
}

/** The problem of a path that is a link leading outside the raw folder, or null. */
async function leavesRaw(
  fs: FileSystem,
  full: string,
  realRaw: string,
  rel: string,
): Promise<Problem | null> {
  const real = await fs.realpath(full);
  if (real === null || within(real, realRaw)) return null;
  return {
    kind: 'fatal',
    code: 'link-outside-raw',
    ref: rel,
    message: `${rel} is a link that leads outside the raw folder, which is never followed; copy what it points to into the raw folder instead.`,
  };
}

/**
 * One raw file's bytes, or the problem that stops it, named for the editor: a broken link, a pipe or a
 * device (which would never end), a file the user may not read. Not an internal error: the fix is in the
 * raw folder.
 */
async function readInput(
  fs: FileSystem,
  rawDir: string,
  realRaw: string,
  rel: string,
  kind: RawFileKind,
): Promise<RawInput | Problem> {
  const full = path.join(rawDir, rel);
  const outside = await leavesRaw(fs, full, realRaw, rel);
  if (outside) return outside;
  const stop = (code: ProblemCode, message: string): Problem => ({ kind: 'fatal', code, ref: rel, message });
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
