import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumberText,
  formatPeriod,
  formatQualified,
  formatQuantity,
  formatRange,
  formatRatio,
  labelWithPeriod,
  periodToYear,
} from '../../pipeline/core/format-quantity.ts';
import { formatCitation, registerHelpers, verdictBadge } from '../../pipeline/report/html/helpers.ts';

describe('figures as the report prints them', () => {
  it('formats quantities with separators and units', () => {
    expect(formatQuantity(2528146, 'persons')).toBe('2,528,146 persons');
    expect(formatQuantity(17.7, 'Mt')).toBe('17.7 Mt');
    expect(formatQuantity(5.084321, 'percent_per_year')).toBe('5.08 % per year');
    expect(formatQuantity(102 / 7, 'multiple')).toBe('14.6×');
    expect(formatQuantity(102, 't')).toBe('102 t');
    expect(formatQuantity(165.9, 'Mt')).toBe('165.9 Mt');
    expect(formatQuantity(18_000_000, 'persons')).toBe('18 million');
    expect(formatQuantity(36.2, 'bn_kWh')).toBe('36.2 bn kWh');
    expect(formatNumberText(-1234.7)).toBe('−1,235');
    expect(formatNumberText(Number.NaN)).toBe('–');
  });
  it('formats ranges and qualifiers', () => {
    expect(formatRange(5_500_000, 6_500_000, 'persons')).toBe('5.5–6.5 million');
    expect(formatRange(6_000_000, 42_672_000, 'persons')).toBe('6–42.67 million');
    expect(formatRange(607, 640, 't')).toBe('607–640 t');
    expect(formatRange(11, 14.5, 'multiple')).toBe('11–14.5×');
    expect(formatRange(7, 7, 't')).toBe('7 t');
    expect(formatQualified(724000, 724000, 724000, 'persons', 'at_least')).toBe('at least 724,000 persons');
    expect(formatQualified(18e6, 18e6, 18e6, 'persons', 'approx')).toBe('about 18 million');
    expect(formatQualified(3, 1, 5, 'persons', 'at_most')).toBe('up to 3 persons');
    expect(formatRatio(4.351)).toBe('4.35×');
    expect(formatRatio(null)).toBe('–');
  });
  it('formats dates and periods', () => {
    expect(formatDate('1935-08-31')).toBe('31 August 1935');
    expect(formatDate('1941-06')).toBe('June 1941');
    expect(formatDate('1937')).toBe('1937');
    expect(formatPeriod('1933', '1937')).toBe('1933–1937');
    expect(formatPeriod('1951-01-01', '1951-01-01')).toBe('1 January 1951');
    expect(periodToYear('1951-01-01')).toBe(1951);
    expect(Number.isNaN(periodToYear('c. 1936'))).toBe(true);
    expect(labelWithPeriod('Executions, 1937–1938', '1937', '1938')).toBe('Executions, 1937–1938');
    expect(labelWithPeriod('Famine deaths, USSR', '1932', '1933')).toBe('Famine deaths, USSR, 1932–1933');
  });
  it('formats citations, badges and links safely', () => {
    expect(formatCitation('Zemskov 1991', '10')).toBe('Zemskov 1991, p. 10');
    expect(formatCitation('Zemskov 1991', 'pp. 10–27')).toBe('Zemskov 1991, pp. 10–27');
    expect(formatCitation('Zemskov 1991', '10, 14')).toBe('Zemskov 1991, pp. 10, 14');
    expect(formatCitation('Siegelbaum 1988')).toBe('Siegelbaum 1988');
    expect(verdictBadge('no_data')).toContain('verdict-no-data');
    const hb = Handlebars.create();
    registerHelpers(hb);
    const link = hb.compile('{{link url text}}');
    expect(link({ url: 'javascript:alert(1)', text: '<b>x</b>' })).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(link({ url: 'https://example.org/?a=1&b="2"', text: 'x' })).toBe(
      '<a href="https://example.org/?a&#x3D;1&amp;b&#x3D;%222%22" rel="noopener">x</a>',
    );
  });
});
