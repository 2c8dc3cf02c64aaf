import { realpathSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The I/O edge of the folder check: `given` (relative to `root`) with every link resolved, as the
 * system would follow it. The part that exists is resolved by the system (so `link/..` is the link
 * target's parent, not `.`); the part that does not exist yet (a clean folder made by the first build)
 * is appended as written, normalised.
 */
export function realFolder(root: string, given: string): string {
  const absolute = path.isAbsolute(given) ? given : `${root}${path.sep}${given}`;
  const parts = absolute.split(path.sep).filter((p) => p !== '');
  let real: string = path.sep;
  for (let i = 0; i < parts.length; i++) {
    const next = path.join(real, parts[i]!);
    try {
      real = realpathSync(`${real}${real.endsWith(path.sep) ? '' : path.sep}${parts[i]!}`);
    } catch {
      // Not there (yet): the rest is taken as written.
      return path.resolve(next, ...parts.slice(i + 1));
    }
  }
  return real;
}
