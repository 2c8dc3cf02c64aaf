import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IngestResult,
  type Locale,
  type RawFile,
  type RawRecord,
  UNITS,
} from '../../pipeline/core/types.ts';
import { cleanData } from '../../pipeline/data/clean/clean.ts';
import { cleanValue } from '../../pipeline/data/clean/clean-value.ts';
import { parseFigure, VOCABULARY } from '../../pipeline/data/clean/parse-figure.ts';
import { parseNumber } from '../../pipeline/data/clean/parse-number.ts';
import { parsePeriod } from '../../pipeline/data/clean/parse-period.ts';

/** A number as a source in `locale` would print it, with a chosen thousands separator. */
function formatIn(int: bigint, decimals: string, locale: Locale, group: string): string {
  const digits = int.toString();
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += group;
    grouped += digits[i];
  }
  if (decimals === '') return grouped;
  return `${grouped}${locale === 'en' ? '.' : ','}${decimals}`;
}

const GROUPS: Record<Locale, string[]> = {
  en: ['', ',', ' '],
  de: ['', '.', ' '],
  ru: ['', ' ', '\u00a0', '\u2009', '\u202f'],
  fr: ['', ' ', '\u00a0', '\u2009', '\u202f'],
};

const styled = fc
  .record({
    int: fc.bigInt({ min: 0n, max: 999_999_999_999n }),
    decimals: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,3}$/)),
    locale: fc.constantFrom<Locale>('en', 'de', 'ru', 'fr'),
    groupIndex: fc.nat(),
  })
  .map(({ int, decimals, locale, groupIndex }) => {
    const groups = GROUPS[locale];
    const group = groups[groupIndex % groups.length]!;
    // In ru/fr a lone dot would be read as a decimal point, so a dot-free style is used there; and
    // in de an ungrouped number with no comma is plain digits.
    const text = formatIn(int, decimals, locale, group);
    const exact = decimals === '' ? `${int}` : `${int}.${decimals}`;
    return { text, locale, exact };
  });

describe('properties: number styles round-trip', () => {
  it('every locale style parses back to the same value', () => {
    fc.assert(
      fc.property(styled, ({ text, locale, exact }) => {
        expect(parseNumber(text, locale)).toEqual({ ok: true, value: Number(exact) });
      }),
      { numRuns: 2000 },
    );
  });

  it('with magnitudes, percent and qualifiers through cleanValue', () => {
    const magnitudes: [string, number][] = [
      ['thousand', 3],
      ['million', 6],
      ['billion', 9],
      ['k', 3],
      ['m', 6],
      ['bn', 9],
      ['тыс.', 3],
      ['млн', 6],
      ['млрд', 9],
    ];
    fc.assert(
      fc.property(
        styled,
        fc.constantFrom(...magnitudes),
        fc.constantFrom('', 'about ', '~', 'at least ', 'up to '),
        ({ text, locale, exact }, [word, exp], qualifier) => {
          const people = cleanValue(`${qualifier}${text} ${word}`, '', locale, 'persons');
          expect(people.ok && people.value.value).toBe(Number(`${exact}e${exp}`));
          const pct = cleanValue(`${text} %`, '', locale, 'percent');
          expect(pct.ok && pct.value.value).toBe(Number(exact));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('ranges: both ends, in order, with the magnitude written once or twice', () => {
    fc.assert(
      fc.property(
        styled,
        styled,
        fc.constantFrom('–', '-', ' to ', ' – '),
        fc.boolean(),
        (a, b, sep, twice) => {
          const [lo, hi] = Number(a.exact) <= Number(b.exact) ? [a, b] : [b, a];
          const locale = a.locale;
          const reformat = (x: typeof a) => {
            const [int, dec = ''] = x.exact.split('.');
            return formatIn(BigInt(int!), dec, locale, GROUPS[locale][1]!);
          };
          const text = `${reformat(lo)}${twice ? ' million' : ''}${sep}${reformat(hi)} million`;
          const r = cleanValue(text, '', locale, 'persons');
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.value.qualifier).toBe('range');
            expect(r.value.high).toBe(Number(`${hi.exact}e6`));
            // Written once, the magnitude is shared unless that would make the range go down.
            if (twice || Number(`${lo.exact}e6`) <= Number(`${hi.exact}e6`))
              expect(r.value.low).toBe(Number(`${lo.exact}e6`));
            expect(r.value.low).toBeLessThanOrEqual(r.value.high);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...VOCABULARY, '–', '-', '−', '+', '%', '/', ':', '×', '~', '>', '(', '.', ',', ' '),
        fc.stringMatching(/^\d{1,4}([.,\u00a0 ]\d{1,3}){0,2}$/),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(' ')),
);

describe('properties: never throws', () => {
  it('parseFigure returns a figure with finite-or-reported numbers, or a reason', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<Locale>('en', 'de', 'ru', 'fr'), (text, locale) => {
        const r = parseFigure(text, locale);
        if (r.ok) expect(r.figure.low <= r.figure.high || Number.isNaN(r.figure.low)).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('cleanValue returns finite numbers in order, or a reason', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.oneof(fc.constant(''), anyText),
        fc.constantFrom<Locale>('en', 'de', 'ru', 'fr'),
        fc.constantFrom(...UNITS),
        (text, unitCell, locale, unit) => {
          const r = cleanValue(text, unitCell, locale, unit);
          if (r.ok) {
            expect(Number.isFinite(r.value.value)).toBe(true);
            expect(r.value.low).toBeLessThanOrEqual(r.value.value);
            expect(r.value.value).toBeLessThanOrEqual(r.value.high);
          } else expect(r.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('parsePeriod returns start <= end or a reason', () => {
    const periodish = fc.oneof(
      fc.string({ maxLength: 25 }),
      fc
        .tuple(
          fc.stringMatching(/^\d{4}(-\d{2}(-\d{2})?)?$/),
          fc.constantFrom('', '-', '–', '/', ' – '),
          fc.stringMatching(/^\d{2}(\d{2}(-\d{2}(-\d{2})?)?)?$/),
        )
        .map(([a, s, b]) => (s === '' ? a : `${a}${s}${b}`)),
    );
    fc.assert(
      fc.property(periodish, (text) => {
        const r = parsePeriod(text);
        if (r.ok) expect(r.period.start.slice(0, 4) <= r.period.end.slice(0, 4)).toBe(true);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('cleanData never throws on arbitrary cells', () => {
    const cells = (names: string[]) =>
      fc.record(
        Object.fromEntries(names.map((n) => [n, fc.oneof(fc.constant(''), anyText)])) as Record<
          string,
          fc.Arbitrary<string>
        >,
      );
    const file = (path: string, kind: RawFile['kind'], names: string[]) =>
      fc.array(cells(names), { maxLength: 6 }).map(
        (rows): RawFile => ({
          path,
          kind,
          columns: names,
          records: rows.map((c, i): RawRecord => ({ ref: `${path}:${i + 2}`, line: i + 2, cells: c })),
        }),
      );
    const ingest = fc
      .tuple(
        file('sources.csv', 'sources', ['source_id', 'author', 'title', 'year', 'kind', 'locale']),
        file('measures.csv', 'measures', [
          'measure_id',
          'label',
          'unit',
          'definition',
          'method',
          'tolerance',
        ]),
        file('claims.csv', 'claims', ['claim_id', 'measure_id', 'claimed', 'period']),
        file('observations/a.csv', 'observations', ['measure_id', 'period', 'value', 'unit', 'status']),
        fc
          .string({ maxLength: 12 })
          .chain((id) =>
            file(`observations/${id}.csv`, 'observations', [
              'measure_id',
              'period',
              'value',
              'unit',
              'status',
            ]),
          ),
      )
      .map((files): IngestResult => ({ files, problems: [] }));
    fc.assert(
      fc.property(ingest, (input) => {
        const r = cleanData(input);
        for (const p of r.problems) expect(p.message.length).toBeGreaterThan(0);
        for (const o of r.observations) expect(Number.isFinite(o.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
