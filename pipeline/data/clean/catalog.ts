import { depthFirst } from '../../core/depth-first.ts';
import type { ProblemCode } from '../../core/types.ts';
import {
  ID_PATTERN,
  KINDS,
  type Kind,
  LOCALES,
  type Locale,
  type Measure,
  type Problem,
  type RawFile,
  type RawRecord,
  type Source,
  UNITS,
  type Unit,
} from '../../core/types.ts';
import { methodInputs, parseMethod } from './parse-method.ts';
import type { UnitTable } from './parse-unit.ts';
import { didYouMean, listWords } from './suggest.ts';
import { readUnits } from './units.ts';

/** sources.csv and measures.csv, checked. Fatal problems are collected, never stop at the first. */
export interface Catalog {
  /** Valid sources, sorted by id. */
  sources: Source[];
  /** Valid measures, sorted by id. */
  measures: Measure[];
  /** Every well-formed source id with its locale (even a source with another fatal problem). */
  sourceLocales: Map<string, Locale>;
  measureById: Map<string, Measure>;
  /** Every well-formed measure id, valid or not: rows of a broken measure are not rejected twice. */
  measureIds: Set<string>;
  /** The built-in units and those of units.csv. */
  units: UnitTable;
  problems: Problem[];
}

const fatal = (code: ProblemCode, ref: string, message: string): Problem => ({
  kind: 'fatal',
  code,
  ref,
  message,
});

/** Ids become file names and anchors: `^[a-z0-9][a-z0-9._-]*$`, and no `..`. */
export function checkId(column: string, id: string): string | null {
  if (ID_PATTERN.test(id) && !id.includes('..')) return null;
  if (id === '') return `${column} is empty`;
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.\.+/g, '.')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  const hint = slug && slug !== id ? ` (e.g. "${slug}")` : '';
  return `${column} "${id}" is not a plain name: use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit, without "/", ".." or spaces${hint}`;
}

const cell = (r: RawRecord, name: string): string => r.cells[name] ?? '';

/** Where a BibTeX or CSL JSON entry says its kind or locale (read-bibliography.ts reads them there). */
function bibliographyHint(ref: string, what: 'kind' | 'locale'): string {
  if (!ref.startsWith('sources.bib:') && !ref.startsWith('sources.json:')) return '';
  const more = what === 'kind' ? ', or a keyword that is a kind' : ", or the entry's language";
  return ` (in a bibliography: a field "${what}", or a line "${what}: …" in its note — Zotero's Extra${more})`;
}
const FOUR_DIGIT_YEAR = /(?:^|\D)\d{4}(?:\D|$)/;
const TOLERANCE = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

export function readCatalog(files: readonly RawFile[]): Catalog {
  const { units, problems } = readUnits(files);
  const sources: Source[] = [];
  const sourceLocales = new Map<string, Locale>();
  const sourceRefs = new Map<string, string>();
  for (const file of files) {
    if (file.kind !== 'sources') continue;
    for (const r of file.records) {
      const id = cell(r, 'source_id');
      const idProblem = checkId('source_id', id);
      if (idProblem) {
        problems.push(fatal('bad-id', r.ref, idProblem));
        continue;
      }
      const first = sourceRefs.get(id);
      if (first) {
        problems.push(fatal('duplicate-id', r.ref, `duplicate source_id "${id}": ${first} and ${r.ref}`));
        continue;
      }
      sourceRefs.set(id, r.ref);
      let ok = true;
      const kind = cell(r, 'kind');
      if (!(KINDS as readonly string[]).includes(kind)) {
        ok = false;
        problems.push(
          fatal(
            'unknown-kind',
            r.ref,
            `unknown kind "${kind}" for source "${id}"; use ${listWords(KINDS)}${didYouMean(kind, KINDS)}${bibliographyHint(r.ref, 'kind')}`,
          ),
        );
      }
      const localeCell = cell(r, 'locale') || 'en';
      let locale: Locale = 'en';
      if ((LOCALES as readonly string[]).includes(localeCell)) locale = localeCell as Locale;
      else {
        ok = false;
        problems.push(
          fatal(
            'unknown-locale',
            r.ref,
            `unknown locale "${localeCell}" for source "${id}"; use ${listWords(LOCALES)} (empty means en)${didYouMean(localeCell, LOCALES)}${bibliographyHint(r.ref, 'locale')}`,
          ),
        );
      }
      sourceLocales.set(id, locale);
      const year = cell(r, 'year');
      if (!FOUR_DIGIT_YEAR.test(year)) {
        ok = false;
        problems.push(
          fatal(
            'bad-year',
            r.ref,
            `year "${year}" of source "${id}" has no four-digit year (e.g. 1991 or c. 1936)`,
          ),
        );
      }
      for (const name of ['author', 'title'])
        if (cell(r, name) === '')
          problems.push({
            kind: 'warning',
            code: 'empty-cell',
            ref: r.ref,
            message: `source "${id}" has no ${name}`,
          });
      if (ok)
        sources.push({
          source_id: id,
          author: cell(r, 'author'),
          title: cell(r, 'title'),
          year,
          kind: kind as Kind,
          publisher: cell(r, 'publisher'),
          url: cell(r, 'url'),
          locale,
          notes: cell(r, 'notes'),
          ref: r.ref,
        });
    }
  }

  const measures: Measure[] = [];
  const measureIds = new Set<string>();
  const measureRefs = new Map<string, string>();
  for (const file of files) {
    if (file.kind !== 'measures') continue;
    for (const r of file.records) {
      const id = cell(r, 'measure_id');
      const idProblem = checkId('measure_id', id);
      if (idProblem) {
        problems.push(fatal('bad-id', r.ref, idProblem));
        continue;
      }
      const first = measureRefs.get(id);
      if (first) {
        problems.push(fatal('duplicate-id', r.ref, `duplicate measure_id "${id}": ${first} and ${r.ref}`));
        continue;
      }
      measureRefs.set(id, r.ref);
      measureIds.add(id);
      let ok = true;
      const unit = cell(r, 'unit');
      if (!units.measures.has(unit)) {
        ok = false;
        const known = [...units.measures.keys()];
        const custom = known.length > UNITS.length ? '' : ', or add it to units.csv (unit, label, aliases)';
        problems.push(
          fatal(
            'unknown-unit',
            r.ref,
            `unknown unit "${unit}" for measure "${id}"; use ${listWords(known)}${custom}${didYouMean(unit, known)}`,
          ),
        );
      }
      const method = parseMethod(cell(r, 'method'));
      if (!method.ok) {
        ok = false;
        problems.push(fatal('unknown-method', r.ref, `measure "${id}": ${method.reason}`));
      }
      const tolCell = cell(r, 'tolerance');
      const tolerance = tolCell === '' ? 0.1 : Number(tolCell);
      if (tolCell !== '' && (!TOLERANCE.test(tolCell) || tolerance > 1)) {
        ok = false;
        problems.push(
          fatal(
            'bad-tolerance',
            r.ref,
            `tolerance "${tolCell}" of measure "${id}" is not a fraction from 0 to 1 (0.1 means within 10 %; empty means 0.1)`,
          ),
        );
      }
      for (const name of ['label', 'definition'])
        if (cell(r, name) === '')
          problems.push({
            kind: 'warning',
            code: 'empty-cell',
            ref: r.ref,
            message: `measure "${id}" has no ${name}`,
          });
      if (ok && method.ok)
        measures.push({
          measure_id: id,
          label: cell(r, 'label'),
          unit: unit as Unit,
          definition: cell(r, 'definition'),
          method: method.method,
          method_text: method.text,
          tolerance,
          ref: r.ref,
        });
    }
  }

  const measureById = new Map(measures.map((m) => [m.measure_id, m]));
  // Derived measures: every input must exist, and no measure may depend on itself.
  for (const m of measures) {
    for (const input of methodInputs(m.method)) {
      if (!measureIds.has(input))
        problems.push(
          fatal(
            'unknown-measure',
            m.ref,
            `measure "${m.measure_id}" (method ${m.method_text}) names an unknown measure "${input}"; add it to measures.csv${didYouMean(input, measureIds)}`,
          ),
        );
    }
  }
  problems.push(...findCycles(measures));

  sources.sort((a, b) => (a.source_id < b.source_id ? -1 : 1));
  measures.sort((a, b) => (a.measure_id < b.measure_id ? -1 : 1));
  return { sources, measures, sourceLocales, measureById, measureIds, units, problems };
}

/** Each derivation cycle once, named from its smallest id: `a → b → a`. */
function findCycles(measures: Measure[]): Problem[] {
  const inputs = new Map(measures.map((m) => [m.measure_id, methodInputs(m.method)]));
  const refs = new Map(measures.map((m) => [m.measure_id, m.ref]));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  depthFirst([...inputs.keys()].sort(), {
    edges: (id) => inputs.get(id) ?? [],
    follow: (_, to) => inputs.has(to),
    cycle(cycle) {
      const minAt = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(minAt), ...cycle.slice(0, minAt)];
      const key = rotated.join('\u0000');
      if (seen.has(key)) return;
      seen.add(key);
      problems.push(
        fatal(
          'derivation-cycle',
          refs.get(rotated[0]!) ?? 'measures.csv',
          `derivation cycle: ${[...rotated, rotated[0]].join(' → ')}; a derived measure cannot depend on itself`,
        ),
      );
    },
  });
  return problems;
}
