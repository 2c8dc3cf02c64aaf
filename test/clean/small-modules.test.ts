import { describe, expect, it } from 'vitest';
import { parseMethod } from '../../pipeline/data/clean/parse-method.ts';
import { parseUnitCell } from '../../pipeline/data/clean/parse-unit.ts';
import { editDistance, suggest } from '../../pipeline/data/clean/suggest.ts';
import { tokenize } from '../../pipeline/data/clean/tokenize.ts';

describe('tokenize', () => {
  it.each([
    ['approx. 2 528 146 t', ['approx.', '2 528 146', 't']],
    ['5.5–6.5 million', ['5.5', '–', '6.5', 'million']],
    ['% p.a.', ['%', 'p.a.']],
    ['14-fold', ['14', '-', 'fold']],
    ['327,4 тыс.', ['327,4', 'тыс.']],
    ['1933 37', ['1933', '37']],
    ['5 000000', ['5', '000000']],
    ['×2.1', ['×', '2.1']],
    ['5:45', ['5', ':', '45']],
  ])('%s', (text, tokens) => expect(tokenize(text).map((t) => t.text)).toEqual(tokens));
});

describe('suggest', () => {
  it.each([
    ['milion', 'million'],
    ['aprox', 'approx'],
    ['tonnez', 'tonnes'],
    ['scholar', 'scholarly'],
    ['xyzzy', undefined],
  ])('%s → %s', (word, expected) =>
    expect(suggest(word, ['million', 'approx', 'tonnes', 'scholarly', 't'])).toBe(expected),
  );
  it('counts a swap as one edit', () => expect(editDistance('mlilion', 'million')).toBe(1));
});

describe('parseUnitCell', () => {
  it.each([
    ['Mt', 1, 'mass', 1e6],
    ['million tonnes', 1e6, 'mass', 1],
    ['bn kWh', 1e9, 'energy', 1],
    ['% per year', 1, 'percent_per_year', 1],
    ['persons', 1, 'persons', 1],
    ['int_dollars_2011', 1, 'dollars', 1],
  ])('%s', (text, magnitude, dim, scale) => {
    expect(parseUnitCell(text)).toMatchObject({ ok: true, cell: { magnitude, unit: { dim, scale } } });
  });
  it('refuses an unknown unit with a suggestion', () => {
    const r = parseUnitCell('milion tonnes');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('did you mean "million"?');
  });
});

describe('parseMethod', () => {
  it.each([
    ['', { type: 'median' }, 'median'],
    ['median', { type: 'median' }, 'median'],
    [
      'priority:archival>scholarly',
      { type: 'priority', order: ['archival', 'scholarly'] },
      'priority:archival>scholarly',
    ],
    [
      'priority: archival > scholarly',
      { type: 'priority', order: ['archival', 'scholarly'] },
      'priority:archival>scholarly',
    ],
    ['ratio:a.b/c-d', { type: 'ratio', numerator: 'a.b', denominator: 'c-d' }, 'ratio:a.b/c-d'],
    ['cagr:x', { type: 'cagr', measure: 'x' }, 'cagr:x'],
    ['cagr:x@1928/1940', { type: 'cagr', measure: 'x', start: 1928, end: 1940 }, 'cagr:x@1928/1940'],
  ])('%s', (cell, method, text) => expect(parseMethod(cell)).toEqual({ ok: true, method, text }));

  it.each([
    ['mean', 'unknown method "mean"'],
    ['priority:archival>gossip', 'unknown kind "gossip"'],
    ['ratio:a', 'needs two measure ids'],
    ['cagr:x@1940/1928', 'needs two years, the first earlier'],
    ['cagr:X', 'needs a measure id'],
  ])('refuses %s', (cell, reason) => {
    const r = parseMethod(cell);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
