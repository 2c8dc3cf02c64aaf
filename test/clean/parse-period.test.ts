import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipeline/clean/parse-period.ts';

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
});
