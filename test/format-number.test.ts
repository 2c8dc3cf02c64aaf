import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../pipeline/core/format-number.ts';
import { numberCell } from '../pipeline/core/number-cell.ts';
import { compareRefs } from '../pipeline/core/order.ts';
import { piecesText } from '../pipeline/io/byte-writer.ts';
import { defuse, toCsv } from '../pipeline/io/write-csv.ts';

describe('formatNumber', () => {
  it.each([
    [102, '102'],
    [5.75, '5.75'],
    [2528146, '2528146'],
    [14.58333333, '14.583333'],
    [0.1 + 0.2, '0.3'],
    [-0, '0'],
    [1e-7, '0'],
    [1e22, '10000000000000000000000'],
    [Number.NaN, ''],
  ])('%s → %s', (x, text) => expect(formatNumber(x)).toBe(text));
  it('is what numberCell writes, for any number', () => {
    const numbers = fc.oneof(
      // Figures and ratios stay below 10^21 (clean and derive refuse others).
      fc.double({ min: -1e21, max: 1e21, noNaN: true }),
      fc.integer(),
      fc.double({ min: -1e9, max: 1e9 }).map((x) => Math.round(x * 1e4) / 1e4),
      fc.constantFrom(-0, 2 ** 31, -(2 ** 31), 1e9, 1e21, 0.1 + 0.2, 1e-7),
    );
    fc.assert(
      fc.property(numbers, (x) => {
        expect(numberCell(x)).toBe(formatNumber(x));
      }),
    );
  });
});

describe('csv', () => {
  it('defuses formulas but keeps numbers', () => {
    expect(defuse('=1+1')).toBe("'=1+1");
    expect(defuse('+63 %')).toBe("'+63 %");
    expect(defuse('-5')).toBe('-5');
    expect(defuse('@x')).toBe("'@x");
    expect(defuse('plain')).toBe('plain');
  });
  it('quotes per RFC 4180 and joins lists', () => {
    const text = toCsv(['a', 'b', 'c'] as const, [{ a: 'x,"y"', b: 1.5, c: ['p', 'q'] }]);
    expect(text).toBe('a,b,c\n"x,""y""",1.5,p;q\n');
  });
  it('orders refs by line number', () => {
    expect(['a.csv:10', 'a.csv:9', 'b.csv:1'].sort(compareRefs)).toEqual(['a.csv:9', 'a.csv:10', 'b.csv:1']);
  });
});

describe('observationCsvChunks', () => {
  it('writes the same bytes as the generic writer', async () => {
    const { csvChunks, observationCsvChunks, OBSERVATION_COLUMNS } = await import(
      '../pipeline/io/write-csv.ts'
    );
    const row = {
      source_id: 's',
      measure_id: 'm',
      period_start: '1937',
      period_end: '1937',
      value: 1.5,
      low: 1,
      high: 2,
      unit: 'Mt' as const,
      qualifier: 'range' as const,
      status: 'verified' as const,
      page: '=p',
      raw: '1–2 "Mt", approx',
      ref: 'observations/s.csv:2',
    };
    const rows = Array.from({ length: 4500 }, (_, i) => ({ ...row, value: i / 7 }));
    expect(piecesText(observationCsvChunks(rows))).toBe([...csvChunks(OBSERVATION_COLUMNS, rows)].join(''));
  });
});

describe('observationCsvBody', () => {
  it('is observations.csv without its header, whatever the split', async () => {
    const { csvChunks, observationCsvBody, observationCsvChunks, OBSERVATION_COLUMNS } = await import(
      '../pipeline/io/write-csv.ts'
    );
    const body = (part: typeof rows) => piecesText([observationCsvBody(part)]);
    const texts = ['s', '=x', '-5', 'a,b', 'say "hi"', 'l\nb', '', "'p", '+63 %'];
    const numbers = [
      1.5,
      0,
      -0,
      1 / 3,
      1e21 + 1,
      1e-7,
      Number.NaN,
      2528146,
      -(2 ** 31),
      2 ** 31,
      123456789.123456,
    ];
    const rows = Array.from({ length: 4500 }, (_, i) => ({
      source_id: texts[i % 9]!,
      measure_id: i % 5 === 0 ? 'm,1' : 'm',
      period_start: '1937',
      period_end: texts[(i >> 3) % 9]!,
      value: numbers[i % 11]!,
      low: i % 3 === 0 ? numbers[(i >> 2) % 11]! : numbers[i % 11]!,
      high: numbers[i % 11]!,
      unit: 'Mt' as const,
      qualifier: 'range' as const,
      status: 'verified' as const,
      page: texts[(i >> 1) % 9]!,
      raw: texts[(i >> 2) % 9]!,
      ref: `observations/s.csv:${i + 2}`,
    }));
    const whole = piecesText(observationCsvChunks(rows));
    expect(whole).toBe([...csvChunks(OBSERVATION_COLUMNS, rows)].join(''));
    const header = `${OBSERVATION_COLUMNS.join(',')}\n`;
    expect(header + body(rows)).toBe(whole);
    for (const cut of [0, 1, 7, 2000, 2001, 4499]) {
      expect(header + body(rows.slice(0, cut)) + body(rows.slice(cut))).toBe(whole);
    }
    expect(body([])).toBe('');
    expect(body(rows.slice(0, 1))).toMatch(/^[^\n]*\n$/);
  });
});
