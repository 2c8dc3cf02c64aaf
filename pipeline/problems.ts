import type { Problem } from './types.ts';
import { compareRefs } from './write-csv.ts';

/** Prints problems as `ref: reason`, capped, with the count of the rest. Returns the lines. */
export function formatProblems(problems: readonly Problem[], cap = 50): string[] {
  const sorted = [...problems].sort((a, b) => compareRefs(a.ref, b.ref));
  const lines = sorted.slice(0, cap).map((p) => {
    const text = p.message.startsWith(p.ref) ? p.message : `${p.ref}: ${p.message}`;
    return p.kind === 'warning' && !text.startsWith('warning') ? `warning: ${text}` : text;
  });
  if (sorted.length > cap) lines.push(`… and ${sorted.length - cap} more`);
  return lines;
}
