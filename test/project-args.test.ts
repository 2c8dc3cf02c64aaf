import { describe, expect, it } from 'vitest';
import { parseArgs } from '../pipeline/cli/args.ts';

const ok = (argv: string[]) => {
  const parsed = parseArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
};

describe('--project', () => {
  it('defaults to this folder, with the folders this repository has always used', () => {
    expect(ok([])).toMatchObject({
      project: '.',
      raw: 'data/raw',
      clean: 'data/clean',
      report: 'report',
      out: 'reports',
    });
  });
  it('moves every folder into the project', () => {
    expect(ok(['--project', 'studies/bread'])).toMatchObject({
      project: 'studies/bread',
      raw: 'studies/bread/data/raw',
      clean: 'studies/bread/data/clean',
      report: 'studies/bread/report',
      out: 'studies/bread/reports',
    });
  });
  it('lets each folder be given on its own, whatever the order of the flags', () => {
    expect(ok(['--out=/tmp/o', '--project', 'p', '--report', 'words'])).toMatchObject({
      raw: 'p/data/raw',
      clean: 'p/data/clean',
      report: 'words',
      out: '/tmp/o',
    });
    expect(ok(['--project=/abs/p', '--raw', 'r', '--clean', 'c'])).toMatchObject({
      raw: 'r',
      clean: 'c',
      report: '/abs/p/report',
      out: '/abs/p/reports',
    });
  });
  it('needs a value', () => {
    const parsed = parseArgs(['--project']);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('--project needs a value');
  });
});
