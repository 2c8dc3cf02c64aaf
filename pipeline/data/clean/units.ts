import type { ProblemCode } from '../../core/types.ts';
// data/raw/units.csv: units a project adds to the built-in ones, so that a subject needs no code for
// its units. Each is a dimension of its own (it converts to no other unit), written by its id or an alias.

import { type Problem, type RawFile, UNITS } from '../../core/types.ts';
import {
  BUILTIN_UNITS,
  MAGNITUDES,
  UNIT_PHRASE_ENTRIES,
  type UnitSpec,
  type UnitTable,
} from './parse-unit.ts';
import { phraseTable } from './phrases.ts';
import { tokenize } from './tokenize.ts';

/** A unit id: a letter, then letters, digits and `_` (`hectares`, `rubles_1913`, `poods`). */
const UNIT_ID = /^\p{L}[\p{L}\p{N}_]*$/u;

/** How a phrase is matched: its tokens' keys, as the tokenizer gives them to the phrase tables. */
function phraseKey(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}

/** Pure: the units.csv files (there is at most one) → the run's unit table and the fatal problems. */
export function readUnits(files: readonly RawFile[]): { units: UnitTable; problems: Problem[] } {
  const rows = files.filter((f) => f.kind === 'units').flatMap((f) => f.records);
  if (rows.length === 0) return { units: BUILTIN_UNITS, problems: [] };
  const problems: Problem[] = [];
  const fatal = (code: ProblemCode, ref: string, message: string) =>
    problems.push({ kind: 'fatal', code, ref, message });

  // Every word or symbol that already means something: built-in unit ids, unit phrases, magnitudes.
  const builtin = new Map<string, string>();
  for (const unit of UNITS) builtin.set(phraseKey(unit), `the built-in unit ${unit}`);
  for (const [phrase] of UNIT_PHRASE_ENTRIES)
    builtin.set(phraseKey(phrase), `the built-in unit word "${phrase}"`);
  for (const word of MAGNITUDES.words) builtin.set(phraseKey(word), `the magnitude word "${word}"`);

  const measures = new Map(BUILTIN_UNITS.measures);
  const hints = new Map<string, string>();
  const labels = new Map<string, string>();
  const custom: (readonly [string, UnitSpec])[] = [];
  const taken = new Map<string, string>(); // phrase key → the ref that took it
  for (const r of rows) {
    const id = r.cells.unit ?? '';
    const label = r.cells.label ?? '';
    if (!UNIT_ID.test(id)) {
      fatal(
        'bad-unit',
        r.ref,
        id === ''
          ? 'units.csv: the unit is empty'
          : `unit "${id}" is not a plain name: use letters, digits and "_", starting with a letter (e.g. hectares)`,
      );
      continue;
    }
    if (measures.has(id)) {
      const clash = labels.has(id) ? `is given twice (first at ${taken.get(phraseKey(id))})` : 'is built in';
      fatal('duplicate-unit', r.ref, `unit "${id}" ${clash}; remove this row`);
      continue;
    }
    if (label === '')
      fatal('empty-cell', r.ref, `unit "${id}" has no label (what the report prints after a number)`);
    const spec: UnitSpec = { dim: `unit:${id}`, scale: 1 };
    const aliases = (r.cells.aliases ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    const written: string[] = [];
    let ok = true;
    for (const phrase of [id, ...aliases]) {
      const key = phraseKey(phrase);
      if (key === '') continue;
      const meaning = builtin.get(key);
      if (meaning) {
        ok = false;
        fatal(
          'unit-alias-clash',
          r.ref,
          `the alias "${phrase}" of unit "${id}" is already ${meaning}; a figure written with it would be read as that. Remove the alias or write it differently`,
        );
        continue;
      }
      const first = taken.get(key);
      if (first) {
        ok = false;
        fatal(
          'unit-alias-clash',
          r.ref,
          `the alias "${phrase}" of unit "${id}" is already an alias at ${first}; keep one`,
        );
        continue;
      }
      taken.set(key, r.ref);
      written.push(phrase);
    }
    if (!ok) continue;
    measures.set(id, spec);
    labels.set(id, label);
    hints.set(id, `use ${written.map((w) => `"${w}"`).join(', ')}`);
    for (const phrase of written) custom.push([phrase, spec]);
  }
  if (custom.length === 0) return { units: { ...BUILTIN_UNITS, measures, labels }, problems };
  const phrases = phraseTable<UnitSpec>([...UNIT_PHRASE_ENTRIES, ...custom]);
  const vocabulary = [...new Set([...BUILTIN_UNITS.vocabulary, ...measures.keys(), ...phrases.words])];
  return { units: { measures, phrases, hints, labels, vocabulary }, problems };
}
