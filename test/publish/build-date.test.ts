import { describe, expect, it } from 'vitest';
import { gitLastCommitTime, parseCommitTime, resolveBuildDate } from '../../pipeline/run/build-date.ts';

const never = () => {
  throw new Error('not to be called');
};

describe('resolveBuildDate', () => {
  it('prefers SOURCE_DATE_EPOCH (seconds)', () => {
    expect(resolveBuildDate({ SOURCE_DATE_EPOCH: '1700000000' }, never, never).toISOString()).toBe(
      '2023-11-14T22:13:20.000Z',
    );
  });
  it('rejects a SOURCE_DATE_EPOCH that is not whole seconds (usage error)', () => {
    expect(() => resolveBuildDate({ SOURCE_DATE_EPOCH: '2024-01-01' }, never, never)).toThrow(
      /SOURCE_DATE_EPOCH/,
    );
  });
  it('then the last commit time', () => {
    const commit = new Date('2024-02-03T04:05:06Z');
    expect(resolveBuildDate({}, () => commit, never)).toBe(commit);
  });
  it('then today at midnight UTC (never the hour)', () => {
    const d = resolveBuildDate(
      { SOURCE_DATE_EPOCH: ' ' },
      () => null,
      () => new Date('2024-05-06T23:59:59Z'),
    );
    expect(d.toISOString()).toBe('2024-05-06T00:00:00.000Z');
  });
  it('parses git output, and gives null outside a repository', () => {
    expect(parseCommitTime('1700000000\n')?.getTime()).toBe(1_700_000_000_000);
    expect(parseCommitTime('')).toBeNull();
    expect(gitLastCommitTime('/')).toBeNull();
  });
});
