import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipeline/data/clean/parse-period.ts';

describe('parsePeriod', () => {
  it.each([
    ['1937', '1937', '1937'],
    ['1937-05', '1937-05', '1937-05'],
    ['1937-12', '1937-12', '1937-12'],
    ['1935-08-31', '1935-08-31', '1935-08-31'],
    ['1936-02-29', '1936-02-29', '1936-02-29'],
    ['2000-02-29', '2000-02-29', '2000-02-29'],
    ['1933–1937', '1933', '1937'],
    ['1933—1937', '1933', '1937'],
    ['1933-1937', '1933', '1937'],
    ['1933/1937', '1933', '1937'],
    ['1933 – 1937', '1933', '1937'],
    ['1933-37', '1933', '1937'],
    ['1933–37', '1933', '1937'],
    ['1930/31', '1930', '1931'],
    ['1937-38', '1937', '1938'],
    ['1941-06-22/1944-12-31', '1941-06-22', '1944-12-31'],
    ['1941-06-22–1944-12-31', '1941-06-22', '1944-12-31'],
    ['1941-06-22-1944-12-31', '1941-06-22', '1944-12-31'],
    ['1935-08/1936-02', '1935-08', '1936-02'],
    ['1937/1937', '1937', '1937'],
    ['1937-05/1937', '1937-05', '1937'],
    ['1933 \t /  1937', '1933', '1937'],
    ['1933\u00a0–\u00a01937', '1933', '1937'],
    ['1933  -  1937', '1933', '1937'],
  ])('%s → %s .. %s', (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ ok: true, period: { start, end } });
  });

  it.each([
    ['1937-1933', 'period "1937-1933" ends before it starts'],
    ['1937/1933', 'period "1937/1933" ends before it starts'],
    ['1937-13', 'period "1937-13" ends before it starts (read as 1937 to 1913; write the end year in full)'],
    ['1944-12-31/1941-06-22', 'period "1944-12-31/1941-06-22" ends before it starts'],
    ['1937-02-30', 'period "1937-02-30" is not a real date: February 1937 has 28 days'],
    ['1900-02-29', 'period "1900-02-29" is not a real date: February 1900 has 28 days'],
    ['1937-04-31', 'period "1937-04-31" is not a real date: April 1937 has 30 days'],
    ['1937-13-01', 'period "1937-13-01" has no month 13'],
    ['1937-00', 'period "1937-00" has no month 00'],
    ['', 'the period is empty'],
    ['abc', 'period "abc" is not a period'],
    ['37', 'period "37" is not a period'],
    ['1937-5', 'period "1937-5" is not a period'],
    ['c. 1937', 'period "c. 1937" is not a period'],
    ['1933-1935-1937', 'is not a period'],
  ])('refuses %s', (text, reason) => {
    const result = parsePeriod(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('reads a long run of spaces once, and returns (the old separator rescanned it: minutes at 1 MB)', () => {
    // In a child with a deadline: a test cannot stop a regular expression that runs on in its own thread.
    const module = path.resolve(import.meta.dirname, '../../pipeline/data/clean/parse-period.ts');
    const code = `import(${JSON.stringify(pathToFileURL(module).href)}).then(({ parsePeriod }) =>
      process.stdout.write(JSON.stringify(parsePeriod('1936' + ' '.repeat(1_000_000) + 'x/1937').ok)))`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.signal).toBeNull();
    expect(child.stdout).toBe('false');
  });
});
