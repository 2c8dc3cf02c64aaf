/**
 * The folders of a run (raw, clean, out, and whatever a branch adds: report, project parts) must be
 * apart: `--clean` equal to `--raw` overwrote the hand-written claims.csv with the generated one, and an
 * out folder inside the raw folder would be read as data. Pure: the paths are already real (see
 * real-path.ts), so links and `..` cannot hide an overlap.
 */
export interface NamedFolder {
  /** How the user names it: the option (`--raw`). */
  option: string;
  /** As the user wrote it, for the message. */
  given: string;
  /** Absolute, with links resolved. */
  real: string;
}

export interface FolderOverlap {
  code: 'folders-overlap';
  ref: string;
  message: string;
}

/** Whether `inner` is `outer` or lies inside it (both absolute, `/`-separated, no trailing `/`). */
export function within(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const prefix = outer.endsWith('/') ? outer : `${outer}/`;
  return inner.startsWith(prefix);
}

/** Every pair of folders that overlap, each named with the path the user gave. */
export function findOverlaps(folders: readonly NamedFolder[]): FolderOverlap[] {
  const overlaps: FolderOverlap[] = [];
  for (let i = 0; i < folders.length; i++) {
    for (let j = i + 1; j < folders.length; j++) {
      const a = folders[i]!;
      const b = folders[j]!;
      const name = (f: NamedFolder) => `${f.option} "${f.given}"`;
      let relation: string | null = null;
      if (a.real === b.real) relation = `${name(a)} and ${name(b)} are the same folder`;
      else if (within(a.real, b.real)) relation = `${name(a)} is inside ${name(b)}`;
      else if (within(b.real, a.real)) relation = `${name(b)} is inside ${name(a)}`;
      if (relation)
        overlaps.push({
          code: 'folders-overlap',
          ref: `${a.option} ${b.option}`,
          message: `${relation}; each must be a folder of its own (the pipeline would overwrite or read back its own files).`,
        });
    }
  }
  return overlaps;
}
