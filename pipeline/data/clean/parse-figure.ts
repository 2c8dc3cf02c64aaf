import type { Locale, Qualifier } from '../../core/types.ts';
import { parseNumber, scaleBy } from './parse-number.ts';
import {
  BUILTIN_UNITS,
  HOURS,
  MAGNITUDES,
  sameUnit,
  UNIT_PHRASES,
  type UnitSpec,
  type UnitTable,
} from './parse-unit.ts';
import { matchPhrase, type PhraseTable, phraseTable } from './phrases.ts';
import { didYouMean } from './suggest.ts';
import { type Token, tokenize } from './tokenize.ts';

/** A figure as printed, before conversion: numbers scaled by their magnitude words, unit as found. */
export interface Figure {
  qualifier: Qualifier;
  low: number;
  high: number;
  /** The unit written in the text, if any. */
  unit: UnitSpec | null;
  unitText: string | null;
  /** The magnitude word, when one scaled the number (`million`). */
  magnitude: string | null;
}

export type FigureResult = { ok: true; figure: Figure } | { ok: false; reason: string };

type Opener = 'from' | 'between';

const LEAD: PhraseTable<Qualifier | Opener> = phraseTable<Qualifier | Opener>([
  ...['approx.', 'approx', 'aprox.', 'aprox', 'approximately', 'about', 'around', 'roughly', 'some'].map(
    (w) => [w, 'approx'] as const,
  ),
  ...['c.', 'ca.', 'ca', 'circa', '~', '≈', '∼', 'nearly', 'almost', 'est.', 'estimated'].map(
    (w) => [w, 'approx'] as const,
  ),
  ...['около', 'ок.', 'примерно', 'приблизительно', 'почти', 'порядка'].map((w) => [w, 'approx'] as const),
  ...['at least', 'more than', 'over', 'upward of', 'upwards of', '>', '≥', '>=', 'no fewer than'].map(
    (w) => [w, 'at_least'] as const,
  ),
  ...['no less than', 'not less than', 'not fewer than', 'in excess of', 'свыше', 'более', 'больше'].map(
    (w) => [w, 'at_least'] as const,
  ),
  ...['не менее', 'не меньше'].map((w) => [w, 'at_least'] as const),
  ...['up to', 'less than', 'under', 'no more than', 'fewer than', '<', '≤', '<=', 'below', 'at most'].map(
    (w) => [w, 'at_most'] as const,
  ),
  ...['not more than', 'до', 'менее', 'меньше', 'не более', 'не больше'].map((w) => [w, 'at_most'] as const),
  ...['from', 'от'].map((w) => [w, 'from'] as const),
  ['between', 'between'],
]);

/** Between the two ends of a range. */
const RANGE_SEPARATORS: PhraseTable<true> = phraseTable<true>(
  ['–', '—', '-', '−', '‒', 'to', 'до', '...', '…'].map((w) => [w, true] as const),
);
const AND: PhraseTable<true> = phraseTable<true>([
  ['and', true],
  ['и', true],
]);

/** After a figure: "5,000+" or "5 million or more". */
const TRAIL: PhraseTable<Qualifier> = phraseTable<Qualifier>([
  ['+', 'at_least'],
  ['or more', 'at_least'],
  ['and more', 'at_least'],
  ['or over', 'at_least'],
  ['or less', 'at_most'],
  ['or fewer', 'at_most'],
  ['и более', 'at_least'],
]);

const PREFIX_UNITS: PhraseTable<UnitSpec> = phraseTable<UnitSpec>([
  ['×', { dim: 'multiple', scale: 1 }],
  ['x', { dim: 'multiple', scale: 1 }],
  ['$', { dim: 'dollars', scale: 1 }],
]);

/** Every word the parser knows, for "did you mean". Common words first so that ties favour them. */
export const VOCABULARY: readonly string[] = [
  ...new Set([
    ...MAGNITUDES.words,
    ...UNIT_PHRASES.words,
    ...LEAD.words,
    ...RANGE_SEPARATORS.words,
    ...AND.words,
    ...TRAIL.words,
  ]),
];
const KNOWN = new Set(VOCABULARY);

interface Amount {
  value: number;
  unit: UnitSpec | null;
  unitText: string | null;
  magnitude: string | null;
  magnitudeFactor: number;
}

type Step<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads a printed figure: `approx. 11 million`, `5.5–6.5 million`, `от 1,5 до 1,8 млн`, `+63 %`,
 * `14×`, `5 h 45 min`, `17,700,000 tonnes`. Numbers follow the source's locale (see parse-number.ts).
 * Never throws: anything it cannot read comes back as a reason a person can act on.
 */
export function parseFigure(text: string, locale: Locale, units: UnitTable = BUILTIN_UNITS): FigureResult {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { ok: false, reason: 'the value is empty' };
  return new FigureParser(text, tokens, locale, units).parse();
}

class FigureParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly locale: Locale,
    private readonly units: UnitTable,
  ) {}

  parse(): FigureResult {
    let qualifier: Qualifier = 'exact';
    let opener: Opener | null = null;
    const lead = matchPhrase(LEAD, this.tokens, this.at, this.text);
    if (lead) {
      // "до 5 млн" is "up to", but "с 1930" is not a figure: only openers followed by a number count.
      if (lead.value === 'from' || lead.value === 'between') opener = lead.value;
      else qualifier = lead.value;
      this.at = lead.end;
    }
    const a = this.amount();
    if (!a.ok) return a;
    let b: Step<Amount> | null = null;
    if (opener) {
      const sep =
        matchPhrase(opener === 'between' ? AND : RANGE_SEPARATORS, this.tokens, this.at, this.text) ??
        matchPhrase(RANGE_SEPARATORS, this.tokens, this.at, this.text);
      if (!sep) return this.fail(`"${opener === 'from' ? 'from' : 'between'}" needs a second number`);
      this.at = sep.end;
      b = this.amount();
    } else {
      const sep = matchPhrase(RANGE_SEPARATORS, this.tokens, this.at, this.text);
      if (sep && sep.end < this.tokens.length) {
        this.at = sep.end;
        b = this.amount();
      }
    }
    if (b && !b.ok) return b;
    if (!b) {
      const trail = matchPhrase(TRAIL, this.tokens, this.at, this.text);
      if (trail && qualifier === 'exact') {
        qualifier = trail.value;
        this.at = trail.end;
      }
    }
    if (this.at < this.tokens.length) return this.fail();
    if (!b) {
      const x = a.value;
      return {
        ok: true,
        figure: {
          qualifier,
          low: x.value,
          high: x.value,
          unit: x.unit,
          unitText: x.unitText,
          magnitude: x.magnitude,
        },
      };
    }
    return this.range(a.value, b.value);
  }

  /** Two ends: a magnitude or unit written once, after the second number, is shared. */
  private range(a: Amount, b: Amount): FigureResult {
    let low = a.value;
    const high = b.value;
    // "5.5–6.5 million" shares the magnitude; "950,000 – 1.2 million" does not (it would go down).
    if (!a.magnitude && b.magnitude && low * b.magnitudeFactor <= high) low = scaleBy(low, b.magnitudeFactor);
    let unit = b.unit;
    let unitText = b.unitText;
    if (a.unit && b.unit && !sameUnit(a.unit, b.unit))
      return { ok: false, reason: `the two ends of "${this.text}" have different units` };
    if (a.unit && !b.unit) {
      unit = a.unit;
      unitText = a.unitText;
    }
    if (low > high) return { ok: false, reason: `range "${this.text}" goes down; write the low end first` };
    return {
      ok: true,
      figure: { qualifier: 'range', low, high, unit, unitText, magnitude: b.magnitude ?? a.magnitude },
    };
  }

  private amount(): Step<Amount> {
    const tokens = this.tokens;
    let negative = false;
    let t = tokens[this.at];
    // A leading minus may be typed as -, − or an en dash (–26 %); + is only a sign (+63 %).
    if (t?.kind === 'sym' && (t.key === '+' || t.key === '-' || t.key === '−' || t.key === '–')) {
      negative = t.key !== '+';
      t = tokens[++this.at];
    }
    let unit: UnitSpec | null = null;
    let unitText: string | null = null;
    const prefix = matchPhrase(PREFIX_UNITS, tokens, this.at, this.text);
    if (prefix && tokens[prefix.end]?.kind === 'num') {
      unit = prefix.value;
      unitText = prefix.text;
      this.at = prefix.end;
      t = tokens[this.at];
    }
    if (t?.kind !== 'num')
      return this.fail(t === undefined || t.kind === 'word' ? `no number in "${this.text}"` : undefined);
    const parsed = parseNumber(t.text, this.locale);
    if (!parsed.ok) return parsed;
    let value = parsed.value;
    this.at++;

    // 5:45 is five hours and forty-five minutes.
    const colon = tokens[this.at];
    const minutes = tokens[this.at + 1];
    if (colon?.key === ':' && minutes?.kind === 'num' && /^[0-5]\d$/.test(minutes.text) && !unit) {
      value += Number(minutes.text) / 60;
      unit = HOURS;
      unitText = `${t.text}:${minutes.text}`;
      this.at += 2;
    }

    let magnitude: string | null = null;
    let magnitudeFactor = 1;
    const mag = matchPhrase(MAGNITUDES, tokens, this.at, this.text);
    if (mag) {
      magnitude = mag.text;
      magnitudeFactor = mag.value;
      value = scaleBy(value, mag.value);
      this.at = mag.end;
    }
    if (!unit) {
      const unitStart = tokens[this.at]?.start ?? 0;
      const found = matchPhrase(this.units.phrases, tokens, this.at, this.text);
      if (found) {
        unit = found.value;
        unitText = found.text;
        this.at = found.end;
        // 5 h 45 min: a smaller unit of the same dimension adds on.
        while (tokens[this.at]?.kind === 'num') {
          const more = matchPhrase(this.units.phrases, tokens, this.at + 1, this.text);
          if (!more || more.value.dim !== unit.dim || more.value.scale >= unit.scale) break;
          const n = parseNumber(tokens[this.at]!.text, this.locale);
          if (!n.ok) return n;
          value += (n.value * more.value.scale) / unit.scale;
          unitText = this.text.slice(unitStart, tokens[more.end - 1]!.end);
          this.at = more.end;
        }
      }
    }
    return {
      ok: true,
      value: { value: negative ? -value : value, unit, unitText, magnitude, magnitudeFactor },
    };
  }

  /** Why the text stops being a figure here: an unknown word (with a suggestion) or a stray token. */
  private fail(reason?: string): { ok: false; reason: string } {
    if (/\d[eE][+-]?\d/.test(this.text)) {
      return {
        ok: false,
        reason: `"${this.text}" uses exponent notation, which sources do not print; write the number in full (1500000) or with a magnitude word (1.5 million)`,
      };
    }
    for (const t of this.tokens) {
      const known = (w: string) => KNOWN.has(w) || this.units.phrases.words.has(w);
      if (t.kind === 'word' && !known(t.key) && !known(t.key.slice(0, -1))) {
        const hint =
          didYouMean(t.key, VOCABULARY) ||
          '; a value is a number with an optional qualifier (about, at least, up to), magnitude (million) and unit — put comments in the note column';
        return { ok: false, reason: `unknown word "${t.text}" in "${this.text}"${hint}` };
      }
    }
    if (reason) return { ok: false, reason };
    const t = this.tokens[this.at];
    if (!t) return { ok: false, reason: `"${this.text}" ends too early` };
    const what = t.kind === 'num' ? 'number' : t.kind === 'word' ? 'word' : '';
    return {
      ok: false,
      reason: `unexpected ${what ? `${what} ` : ''}"${t.text}" in "${this.text}"; a value is a number with an optional qualifier (about, at least, up to), range, magnitude (million) and unit — put comments in the note column`,
    };
  }
}
