import { describe, expect, it } from 'vitest';
import { formatProblems, printable, shortenQuotes } from '../pipeline/core/problems.ts';
import type { Problem } from '../pipeline/core/types.ts';

const reject = (ref: string, message: string): Problem => ({
  kind: 'reject',
  code: 'bad-row',
  ref,
  raw: '',
  message,
});

describe('formatProblems', () => {
  it('prints ref: message by ref, line numbers as numbers, and counts what the cap leaves out', () => {
    const problems = [
      reject('observations/a.csv:10', 'ten'),
      reject('observations/a.csv:9', 'nine'),
      {
        kind: 'warning',
        code: 'unknown-column',
        ref: 'sources.csv:1',
        message: 'sources.csv:1: odd column',
      } as Problem,
    ];
    expect(formatProblems(problems, 2)).toEqual([
      'observations/a.csv:9: nine',
      'observations/a.csv:10: ten',
      '… and 1 more',
    ]);
    expect(formatProblems(problems.slice(2))).toEqual(['warning: sources.csv:1: odd column']);
  });

  it('escapes control characters and shortens a long quoted cell', () => {
    const long = ' '.repeat(1_000_000);
    const [line] = formatProblems([
      reject('observations/a.csv:2', `period "1936${long}x/1937" is not a period`),
    ]);
    expect(line).toBe(
      `observations/a.csv:2: period "1936${' '.repeat(56)}…" (1000010 characters) is not a period`,
    );
    expect(printable('a\tb\u0007')).toBe('a\\tb\\u0007');
  });
});

describe('shortenQuotes', () => {
  it('takes quotes in pairs: the text between two short quoted cells is not a cell', () => {
    const message = `unknown kind "scholar" for source "alpha-1990"; use ${'archival, '.repeat(10)}; did you mean "scholarly"?`;
    expect(shortenQuotes(message)).toBe(message);
  });
  it('keeps quoted cells of up to 80 characters whole', () => {
    const cell = 'x'.repeat(80);
    expect(shortenQuotes(`"${cell}" and "${cell}y"`)).toBe(
      `"${cell}" and "${'x'.repeat(60)}…" (81 characters)`,
    );
  });
});
