import * as path from 'node:path';

/**
 * Pure: a build's message line with this machine's absolute paths taken out, for what the preview
 * serves (a page may be read by more than its editor). Each known folder becomes its name as the
 * editor wrote it, relative to the project; any other absolute path keeps only its last part.
 */
export function redactPaths(line: string, known: readonly { abs: string; shown: string }[]): string {
  let out = line;
  // Longest first: a folder inside another is replaced as itself, not as a part of its parent.
  for (const { abs, shown } of [...known].sort((a, b) => b.abs.length - a.abs.length)) {
    if (abs.length > 1) out = out.split(abs).join(shown);
  }
  return out.replace(
    /(^|[\s"'(=`])(\/(?:[^\s"'()`:/]+\/)*([^\s"'()`:/]+))/g,
    (_, lead: string, _p, last: string) => `${lead}…/${last}`,
  );
}

/** The folders of a preview, as shown: relative to the project root when inside it. */
export function knownFolders(root: string, folders: readonly string[]): { abs: string; shown: string }[] {
  const out = [{ abs: path.resolve(root), shown: '.' }];
  for (const folder of folders) {
    const abs = path.resolve(root, folder);
    const rel = path.relative(root, abs);
    out.push({
      abs,
      shown: rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(abs),
    });
  }
  return out;
}
