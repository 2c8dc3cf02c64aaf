// PATTERN of a directive: measure ids, comma-separated, `*` for any characters (DESIGN §8).

/** The parts of a pattern, trimmed, empty ones dropped. */
export function patternParts(pattern: string): string[] {
  return pattern
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function partRegExp(part: string): RegExp {
  const body = part
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/**
 * The ids that match, in the order given (measures.csv order), each once; and the parts that match
 * nothing (each is an error the directive reports).
 */
export function matchPattern(
  pattern: string,
  ids: readonly string[],
): { matched: string[]; unmatched: string[] } {
  const parts = patternParts(pattern);
  const regs = parts.map(partRegExp);
  const matched = ids.filter((id) => regs.some((r) => r.test(id)));
  const unmatched = parts.filter((_, i) => !ids.some((id) => regs[i]!.test(id)));
  return { matched, unmatched };
}
