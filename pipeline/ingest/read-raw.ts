import * as path from 'node:path';
import type { FileSystem } from '../effects.ts';
import type { Problem } from '../types.ts';
import type { RawInput } from './ingest.ts';
import { kindOfPath } from './schema.ts';

/** The I/O edge of ingest: lists and reads the raw folder. */
export async function readRawFolder(
  fs: FileSystem,
  rawDir: string,
): Promise<{ inputs: RawInput[]; problems: Problem[] }> {
  const inputs: RawInput[] = [];
  const problems: Problem[] = [];
  const top = await fs.readdir(rawDir);
  for (const name of top) {
    const kind = kindOfPath(name);
    if (!kind) continue;
    if ((await fs.stat(path.join(rawDir, name)))?.isDirectory) {
      problems.push({
        kind: 'fatal',
        code: 'not-a-file',
        ref: name,
        message: `${name} is a folder; it must be a CSV file.`,
      });
      continue;
    }
    inputs.push({ path: name, kind, bytes: await fs.readFile(path.join(rawDir, name)) });
  }
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
    for (const name of (await fs.readdir(obsDir)).sort()) {
      const rel = `observations/${name}`;
      const kind = kindOfPath(rel);
      const isDir = (await fs.stat(path.join(obsDir, name)))?.isDirectory;
      if (kind && !isDir) inputs.push({ path: rel, kind, bytes: await fs.readFile(path.join(obsDir, name)) });
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
  return { inputs, problems };
}
