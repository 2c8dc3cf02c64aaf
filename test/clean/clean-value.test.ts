import { describe, expect, it } from 'vitest';
import type { Locale, Qualifier, Unit } from '../../pipeline/core/types.ts';
import { cleanValue } from '../../pipeline/data/clean/clean-value.ts';
import { parseFigure } from '../../pipeline/data/clean/parse-figure.ts';

type Row = [
  text: string,
  unitCell: string,
  locale: Locale,
  unit: Unit,
  qualifier: Qualifier,
  low: number,
  high: number,
];

const ok = (rows: Row[]) =>
  it.each(rows)('%s [%s] (%s) into %s → %s %s..%s', (text, unitCell, locale, unit, qualifier, low, high) => {
    const result = cleanValue(text, unitCell, locale, unit);
    const value = qualifier === 'range' ? (low + high) / 2 : low;
    expect(result).toEqual({ ok: true, value: { value, low, high, qualifier } });
  });

describe('cleanValue: plain numbers by locale', () => {
  ok([
    ['102', '', 'en', 't', 'exact', 102, 102],
    ['2,528,146', '', 'en', 'persons', 'exact', 2528146, 2528146],
    ['2 528 146', '', 'en', 'persons', 'exact', 2528146, 2528146],
    ['2.5', '', 'en', 't', 'exact', 2.5, 2.5],
    ['2 528 146', '', 'ru', 'persons', 'exact', 2528146, 2528146],
    ['2\u00a0528\u00a0146', '', 'ru', 'persons', 'exact', 2528146, 2528146],
    ['2\u202f528\u202f146', '', 'fr', 'persons', 'exact', 2528146, 2528146],
    ['20,6', '', 'ru', 'Mt', 'exact', 20.6, 20.6],
    ['20,6', '', 'de', 'Mt', 'exact', 20.6, 20.6],
    ['1,234', '', 'ru', 't', 'exact', 1.234, 1.234],
    ['1.234', '', 'de', 't', 'exact', 1234, 1234],
  ]);
});

describe('cleanValue: qualifiers', () => {
  const q = (text: string, locale: Locale, qualifier: Qualifier): Row => [
    text,
    '',
    locale,
    'persons',
    qualifier,
    5,
    5,
  ];
  ok([
    ...[
      'approx. 5',
      'aprox 5',
      'aprox. 5',
      'approximately 5',
      'about 5',
      'around 5',
      'roughly 5',
      'some 5',
    ].map((t) => q(t, 'en', 'approx')),
    ...['c. 5', 'ca. 5', 'circa 5', '~5', '~ 5', '≈5', '≈ 5', 'About 5', 'APPROX. 5'].map((t) =>
      q(t, 'en', 'approx'),
    ),
    ...['at least 5', 'more than 5', 'over 5', 'upward of 5', 'upwards of 5', '>5', '> 5', '≥5', '>= 5'].map(
      (t) => q(t, 'en', 'at_least'),
    ),
    ...['no fewer than 5', 'no less than 5', '5+', '5 or more'].map((t) => q(t, 'en', 'at_least')),
    ...['up to 5', 'less than 5', 'under 5', 'no more than 5', 'fewer than 5', '<5', '≤ 5', 'below 5'].map(
      (t) => q(t, 'en', 'at_most'),
    ),
    ...['около 5', 'ок. 5', 'примерно 5', 'приблизительно 5'].map((t) => q(t, 'ru', 'approx')),
    ...['свыше 5', 'более 5', 'больше 5', 'не менее 5'].map((t) => q(t, 'ru', 'at_least')),
    ...['до 5', 'менее 5', 'не более 5'].map((t) => q(t, 'ru', 'at_most')),
  ]);
});

describe('cleanValue: ranges, magnitudes and signs', () => {
  ok([
    ['5.5–6.5 million', '', 'en', 'persons', 'range', 5_500_000, 6_500_000],
    ['5.5 million – 6.5 million', '', 'en', 'persons', 'range', 5_500_000, 6_500_000],
    ['5.5—6.5 million', '', 'en', 'persons', 'range', 5_500_000, 6_500_000],
    ['5.5-6.5 million', '', 'en', 'persons', 'range', 5_500_000, 6_500_000],
    ['5.5 to 6.5 million', '', 'en', 'persons', 'range', 5_500_000, 6_500_000],
    ['from 3 to 5 million', '', 'en', 'persons', 'range', 3_000_000, 5_000_000],
    ['between 3 and 5 million', '', 'en', 'persons', 'range', 3_000_000, 5_000_000],
    ['about 5–7 million', '', 'en', 'persons', 'range', 5_000_000, 7_000_000],
    ['950,000 – 1.2 million', '', 'en', 'persons', 'range', 950_000, 1_200_000],
    ['от 1,5 до 1,8 млн', '', 'ru', 'persons', 'range', 1_500_000, 1_800_000],
    ['1,5–1,8 млн', '', 'ru', 'persons', 'range', 1_500_000, 1_800_000],
    ['6–8 m', '', 'en', 'persons', 'range', 6_000_000, 8_000_000],
    ['11×–14.5×', '', 'en', 'multiple', 'range', 11, 14.5],
    ['approx. 11 million', '', 'en', 'persons', 'approx', 11_000_000, 11_000_000],
    ['327.4 thousand', '', 'en', 'persons', 'exact', 327_400, 327_400],
    ['180k', '', 'en', 'persons', 'exact', 180_000, 180_000],
    ['2.53 M', '', 'en', 'persons', 'exact', 2_530_000, 2_530_000],
    ['1.7 mn', '', 'en', 'persons', 'exact', 1_700_000, 1_700_000],
    ['1.2 bn', '', 'en', 'int_dollars_2011', 'exact', 1_200_000_000, 1_200_000_000],
    ['352.06 billion', '', 'en', 'int_dollars_2011', 'exact', 352_060_000_000, 352_060_000_000],
    ['20,6 млн', '', 'ru', 'persons', 'exact', 20_600_000, 20_600_000],
    ['327,4 тыс.', '', 'ru', 'persons', 'exact', 327_400, 327_400],
    ['1,2 млрд', '', 'ru', 'int_dollars_2011', 'exact', 1_200_000_000, 1_200_000_000],
    ['+63 %', '', 'en', 'percent', 'exact', 63, 63],
    ['−26 %', '', 'en', 'percent', 'exact', -26, -26],
    ['-26%', '', 'en', 'percent', 'exact', -26, -26],
    ['-5 – -3 %', '', 'en', 'percent', 'range', -5, -3],
    ['–26 %', '', 'en', 'percent', 'exact', -26, -26],
    ['5.5 – 6.5', 'million', 'en', 'persons', 'range', 5_500_000, 6_500_000],
    ['8589934592.3 million', '', 'en', 'persons', 'exact', 8_589_934_592_300_000, 8_589_934_592_300_000],
    ['5 million.', '', 'en', 'persons', 'exact', 5_000_000, 5_000_000],
    ['$352 bn', '', 'en', 'int_dollars_2011', 'exact', 352_000_000_000, 352_000_000_000],
  ]);
});

describe('cleanValue: units', () => {
  ok([
    ['82%', '', 'en', 'percent', 'exact', 82, 82],
    ['82 %', '', 'en', 'percent', 'exact', 82, 82],
    ['82 per cent', '', 'en', 'percent', 'exact', 82, 82],
    ['82 percent', '', 'en', 'percent', 'exact', 82, 82],
    ['14 percent', '', 'en', 'percent_per_year', 'exact', 14, 14],
    ['5.3 % per year', '', 'en', 'percent_per_year', 'exact', 5.3, 5.3],
    ['5.3 %/yr', '', 'en', 'percent_per_year', 'exact', 5.3, 5.3],
    ['5.3 % p.a.', '', 'en', 'percent_per_year', 'exact', 5.3, 5.3],
    ['5.3 % a year', '', 'en', 'percent_per_year', 'exact', 5.3, 5.3],
    ['5.3', '% per year', 'en', 'percent_per_year', 'exact', 5.3, 5.3],
    ['14x', '', 'en', 'multiple', 'exact', 14, 14],
    ['14×', '', 'en', 'multiple', 'exact', 14, 14],
    ['×2.1', '', 'en', 'multiple', 'exact', 2.1, 2.1],
    ['14 times', '', 'en', 'multiple', 'exact', 14, 14],
    ['14-fold', '', 'en', 'multiple', 'exact', 14, 14],
    ['more than 14 times', '', 'en', 'multiple', 'at_least', 14, 14],
    ['5 h 45 min', '', 'en', 'hours', 'exact', 5.75, 5.75],
    ['5:45', '', 'en', 'hours', 'exact', 5.75, 5.75],
    ['6-hour', '', 'en', 'hours', 'exact', 6, 6],
    ['45 min', '', 'en', 'hours', 'exact', 0.75, 0.75],
    ['6 hours', '', 'en', 'hours', 'exact', 6, 6],
    ['29 years', '', 'en', 'years', 'exact', 29, 29],
    ['29-year-old', '', 'en', 'years', 'exact', 29, 29],
    ['102 t', '', 'en', 't', 'exact', 102, 102],
    ['102 tonnes', '', 'en', 't', 'exact', 102, 102],
    ['102 tons', '', 'en', 't', 'exact', 102, 102],
    ['102 т', '', 'ru', 't', 'exact', 102, 102],
    ['102', 't', 'en', 't', 'exact', 102, 102],
    ['17,700,000 tonnes', '', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['17.7 million t', '', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['17.7 million tonnes', '', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['17.7', 'million tonnes', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['17.7 Mt', '', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['17.7', 'Mt', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['17,700 kt', '', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['1.5 Mt', '', 'en', 'kt', 'exact', 1500, 1500],
    ['2 kt', '', 'en', 't', 'exact', 2000, 2000],
    ['1.1 kt', '', 'en', 't', 'exact', 1100, 1100],
    ['about 1,200 thousand t', '', 'en', 'Mt', 'approx', 1.2, 1.2],
    ['14,5×', '', 'ru', 'multiple', 'exact', 14.5, 14.5],
    ['5 hrs', '', 'en', 'hours', 'exact', 5, 5],
    ['82', '%', 'en', 'percent', 'exact', 82, 82],
    ['36.2', 'bn_kWh', 'en', 'bn_kWh', 'exact', 36.2, 36.2],
    ['20,6 млн т', '', 'ru', 'Mt', 'exact', 20.6, 20.6],
    ['2.5 million people', '', 'en', 'persons', 'exact', 2_500_000, 2_500_000],
    ['2,500 prisoners', '', 'en', 'persons', 'exact', 2500, 2500],
    ['2,500 inmates', '', 'en', 'persons', 'exact', 2500, 2500],
    ['2,500', 'persons', 'en', 'persons', 'exact', 2500, 2500],
    ['5,050 million kWh', '', 'en', 'bn_kWh', 'exact', 5.05, 5.05],
    ['36.2 billion kWh', '', 'en', 'bn_kWh', 'exact', 36.2, 36.2],
    ['36.2 bn kWh', '', 'en', 'bn_kWh', 'exact', 36.2, 36.2],
    ['36.2 TWh', '', 'en', 'bn_kWh', 'exact', 36.2, 36.2],
    ['36.2', 'bn kWh', 'en', 'bn_kWh', 'exact', 36.2, 36.2],
    ['5,050', 'million kWh', 'en', 'bn_kWh', 'exact', 5.05, 5.05],
    ['2.53 m', 'persons', 'en', 'persons', 'exact', 2_530_000, 2_530_000],
    ['17.7 million', 't', 'en', 'Mt', 'exact', 17.7, 17.7],
    ['17.7', 'million', 'en', 'persons', 'exact', 17_700_000, 17_700_000],
    ['102 t', 'tonnes', 'en', 't', 'exact', 102, 102],
  ]);
});

describe('cleanValue: rejects with reasons', () => {
  it.each<[string, string, Locale, Unit, string]>([
    ['5 milion', '', 'en', 'persons', 'unknown word "milion" in "5 milion"; did you mean "million"?'],
    [
      '17.7',
      'hours',
      'en',
      'Mt',
      'unit "hours" cannot become the measure\'s unit Mt (use Mt, kt, t or a mass word like "million tonnes")',
    ],
    ['6 h', '', 'en', 'Mt', 'unit "h" cannot become the measure\'s unit Mt'],
    ['82 %', '', 'en', 'persons', 'unit "%" cannot become the measure\'s unit persons'],
    ['5 % p.a.', '', 'en', 'percent', 'unit "% p.a." cannot become the measure\'s unit percent'],
    [
      '17.7 million',
      '',
      'en',
      'Mt',
      'has a magnitude ("million") but no unit, which is ambiguous for a measure in Mt',
    ],
    ['5,050 million', '', 'en', 'bn_kWh', 'ambiguous for a measure in bn_kWh'],
    ['17.7 Mt', 't', 'en', 'Mt', 'the unit cell "t" contradicts the unit "Mt" in the value "17.7 Mt"'],
    ['17.7 million', 'million t', 'en', 'Mt', 'give a magnitude; write it once'],
    ['5 million %', '', 'en', 'percent', 'a magnitude ("million") does not fit a figure in percent'],
    ['-5', '', 'en', 'persons', '"-5" is negative, but a figure in persons cannot be'],
    ['−5 t', '', 'en', 't', 'is negative'],
    ['7–5', '', 'en', 't', 'range "7–5" goes down; write the low end first'],
    ['', '', 'en', 't', 'the value is empty'],
    ['about', '', 'en', 't', 'no number in "about"'],
    ['already 180,000', '', 'en', 'persons', 'unknown word "already" in "already 180,000"'],
    ['5 (derived)', '', 'en', 'persons', 'unknown word "derived"'],
    ['5 (', '', 'en', 'persons', 'unexpected "(" in "5 ("'],
    ['5 6', '', 'en', 'persons', 'unexpected number "6" in "5 6"'],
    ['20,6', '', 'en', 'persons', '"20,6" is not a number in an en source'],
    ['2.5', '', 'de', 'persons', '"2.5" is not a number in a de source'],
    ['5', 'furlongs', 'en', 't', 'unknown unit "furlongs"'],
    ['5', 'tonnez', 'en', 't', 'did you mean "tonnes"?'],
    ['5 t – 7 h', '', 'en', 't', 'have different units'],
    ['from 5', '', 'en', 't', '"from" needs a second number'],
    ['9'.repeat(400), '', 'en', 't', 'cannot be held exactly as written'],
    [`1${'0'.repeat(303)}`, '', 'en', 't', 'cannot be held exactly as written'],
    ['1,000,000,000,000 billion', '', 'en', 'persons', 'is 10^21 persons or more'],
  ])('%s [%s] (%s) into %s', (text, unitCell, locale, unit, reason) => {
    const result = cleanValue(text, unitCell, locale, unit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('parseFigure', () => {
  it('keeps the unit and magnitude as written', () => {
    expect(parseFigure('approx. 17.7 million tonnes', 'en')).toEqual({
      ok: true,
      figure: {
        qualifier: 'approx',
        low: 17_700_000,
        high: 17_700_000,
        unit: { dim: 'mass', scale: 1 },
        unitText: 'tonnes',
        magnitude: 'million',
      },
    });
  });
});

describe('cleanValue: cache', () => {
  it('gives the same answer twice, and keys on locale and unit', () => {
    expect(cleanValue('1,234', '', 'ru', 't')).toEqual(cleanValue('1,234', '', 'ru', 't'));
    expect(cleanValue('1,234 t', '', 'ru', 't')).toMatchObject({ ok: true, value: { value: 1.234 } });
    expect(cleanValue('1,234 t', '', 'en', 't')).toMatchObject({ ok: true, value: { value: 1234 } });
    expect(cleanValue('1,234 t', '', 'en', 'kt')).toMatchObject({ ok: true, value: { value: 1.234 } });
  });
});

describe('cleanValue keeps a whole number up to 2^53 digit for digit', () => {
  // 2^53 is not a safe integer, and the float-noise rounding wrote it as 9007199254740990.
  it.each<[string, number]>([
    ['9007199254740992 t', 2 ** 53],
    ['9007199254740991 t', 2 ** 53 - 1],
    ['9,007,199,254,740,992 t', 2 ** 53],
  ])('%s', (text, value) => {
    expect(cleanValue(text, '', 'en', 't')).toEqual({
      ok: true,
      value: { value, low: value, high: value, qualifier: 'exact' },
    });
  });
});
