import { describe, expect, it } from 'vitest';
import { parseArgs } from '../pipeline/cli/args.ts';
import { plannedStages } from '../pipeline/run/planned-stages.ts';

const ok = (argv: string[]) => {
  const parsed = parseArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
};

describe('parseArgs', () => {
  it('takes --flag value and --flag=value alike', () => {
    expect(ok(['--raw', 'x', '--out=y', '--paper', 'letter'])).toMatchObject({
      raw: 'x',
      out: 'y',
      paper: 'letter',
    });
  });
  it.each([
    [['--nope'], 'unknown option "--nope"'],
    [['--raw'], '--raw needs a value'],
    [['--paper', 'a3'], '--paper takes a4 or letter'],
    [['--formats', 'docx'], '--formats takes html, pdf'],
    [['--stage', 'print'], '--stage takes one of'],
    [['--force=yes'], '--force takes no value'],
    [['--stage', 'clean', '--to', 'html'], 'cannot be used together'],
    [['report'], 'unexpected argument'],
  ])('%j is a usage error', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
  it('plans stages', () => {
    expect(plannedStages(ok([]))).toEqual([
      'ingest',
      'clean',
      'reconcile',
      'charts',
      'html',
      'pdf',
      'publish',
    ]);
    expect(plannedStages(ok(['--formats', 'html']))).toEqual([
      'ingest',
      'clean',
      'reconcile',
      'charts',
      'html',
      'publish',
    ]);
    expect(plannedStages(ok(['--to', 'reconcile']))).toEqual(['ingest', 'clean', 'reconcile']);
    expect(plannedStages(ok(['--stage', 'charts']))).toEqual(['charts']);
  });
});
