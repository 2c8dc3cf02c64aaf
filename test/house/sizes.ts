// Sizes of the house's rooms: lines per module and per function, read from the formatted sources (biome
// formats every file, so a block ends at the first `}` line back at its opening line's indentation).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { modules, PIPELINE } from './imports.ts';

export const MODULE_LINES = 300;
export const FUNCTION_LINES = 80;

/** Chart specs and the figure grammar may be long: a spec or a grammar reads best whole. */
export const EXEMPT = [
  /^report\/charts\/(chart|kind)-[\w-]+\.ts$/,
  /^data\/clean\/(parse-figure|phrases)\.ts$/,
];

// A function's opening line: a declaration, a `const f = (…) => {` / `function` expression, or a method.
const OPENING = [
  /^(\s*)(?:export\s+)?(?:default\s+)?(?:async\s+)?function\*?\s*([\w$]*)\s*[<(]/,
  /^(\s*)(?:export\s+)?(?:const|let)\s+([\w$]+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\([^)]*\)?|[\w$]+\s*=>|<)/,
  /^(\s+)(?:(?:public|private|protected|static|readonly|async|override|get|set)\s+)*\*?([\w$]+)\s*(?:<[^>]*>)?\([^;]*\)(?::[^;=]+)?\s*\{$/,
];

export interface Long {
  where: string;
  lines: number;
}

/** Functions of one source longer than `limit` lines, as `file:line name`. */
export function longFunctions(module: string, text: string, limit = FUNCTION_LINES): Long[] {
  const lines = text.split('\n');
  const found: Long[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = OPENING.map((re) => re.exec(line)).find((m) => m);
    if (!match || /^\s*(if|for|while|switch|catch|return|else)\b/.test(line)) continue;
    const indent = match[1]!.length;
    let end = i;
    const closes = (l: string) => l.length - l.trimStart().length === indent && /^\s*[})\]]/.test(l);
    if (/[{([]\s*$|=>\s*$|\(\s*$/.test(line) || /[,(]\s*$/.test(line) || !/[;}]\s*$/.test(line)) {
      end = i + 1;
      while (end < lines.length && !closes(lines[end]!)) end++;
    }
    const length = end - i + 1;
    if (end < lines.length && length > limit)
      found.push({ where: `${module}:${i + 1} ${match[2] || '(anonymous)'}`, lines: length });
  }
  return found;
}

/** Every module over MODULE_LINES and function over FUNCTION_LINES outside EXEMPT, sorted. */
export function oversized(): Long[] {
  const found: Long[] = [];
  for (const module of modules()) {
    if (EXEMPT.some((re) => re.test(module))) continue;
    const text = readFileSync(path.join(PIPELINE, module), 'utf8');
    const count = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (count > MODULE_LINES) found.push({ where: module, lines: count });
    found.push(...longFunctions(module, text));
  }
  return found.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
}
