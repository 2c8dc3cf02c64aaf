import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The folder of an installed package, as Node would find it from `from`: in `from/node_modules`, else in
 * the node_modules of a folder above. Installed as a tool, norma's own dependencies are hoisted beside
 * it (`project/node_modules/@fontsource/…`, not `project/node_modules/norma/node_modules/…`).
 */
export function packageDir(from: string, name: string, exists: (p: string) => boolean = existsSync): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (exists(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return path.join(from, 'node_modules', name);
  }
}
