// The house's plan read from its own files: every relative import of pipeline/, and each module's wing.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PIPELINE = path.join(ROOT, 'pipeline');

/** Every .ts module of pipeline/ (tests excluded), as a path relative to pipeline/ with `/`. */
export function modules(dir = PIPELINE): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...modules(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      out.push(path.relative(PIPELINE, full).split(path.sep).join('/'));
  }
  return out.sort();
}

// `from '…'`, `import '…'`, `import('…')`: static, side-effect and dynamic imports of a relative path.
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g;

/** The pipeline modules a module imports (relative to pipeline/), in source order. */
export function importsOf(
  module: string,
  text = readFileSync(path.join(PIPELINE, module), 'utf8'),
): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(module), match[1]!)));
  }
  return [...new Set(found)];
}

/** A module's wing: its first folder under pipeline/ (`core`, `data`, …), or `.` at the root. */
export function wingOf(module: string): string {
  const slash = module.indexOf('/');
  return slash < 0 ? '.' : module.slice(0, slash);
}
