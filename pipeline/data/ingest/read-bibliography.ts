// sources.bib (BibTeX or BibLaTeX) and sources.json (CSL-JSON, as Zotero and Better BibTeX export it)
// read into the same records as sources.csv, so that the catalog checks them all alike.
import { type CSL, type CSLDate, type CSLName, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { KINDS, type LOCALES, type Problem, type RawFile, type RawRecord } from '../../core/types.ts';
import { SCHEMAS } from './schema.ts';

export const BIBLIOGRAPHY_FILES = ['sources.bib', 'sources.json'] as const;

export function isBibliographyPath(relPath: string): boolean {
  return (BIBLIOGRAPHY_FILES as readonly string[]).includes(relPath);
}

/** What an entry says beyond CSL: `kind` and `locale` as fields of their own, when the format keeps them. */
type Extra = { kind?: string; locale?: string };

/**
 * Pure: a bibliography file's text → source records with `sources.bib:LINE` refs (the line where the
 * entry starts), or the fatal problem that stops the file, with the line the parser names.
 */
export function readBibliography(path: string, text: string): { file: RawFile | null; problems: Problem[] } {
  const stop = (line: number | null, message: string) => ({
    file: null,
    problems: [
      {
        kind: 'fatal' as const,
        code: 'bad-bibliography' as const,
        ref: line ? `${path}:${line}` : path,
        message: `${line ? `${path}:${line}` : path} ${message}`,
      },
    ],
  });
  let entries: { csl: CSL; extra: Extra; line: number }[];
  if (path.endsWith('.bib')) {
    let raw: ReturnType<typeof readBibtex>;
    try {
      raw = readBibtex(text);
    } catch (error) {
      const message = (error as Error).message;
      const at = /at line (\d+)/.exec(message)?.[1];
      // An unclosed brace is found at the end of the file: name the entry it opens in instead.
      const starts = [...bibtexEntryLines(text).values()].flat().sort((a, b) => a - b);
      const line = at ? (starts.filter((l) => l <= Number(at)).pop() ?? Number(at)) : null;
      return stop(
        line,
        `is not valid BibTeX (${message.split('\n')[0]?.replace(/:$/, '')}); check the braces, quotes and commas of this entry.`,
      );
    }
    // The plugin's types say BibtexEntry[]; the parser returns CSL items (its own README and tests).
    const csl = plugins.input.data(raw, '@biblatex/entries+list') as unknown as CSL[];
    const lines = bibtexEntryLines(text);
    entries = raw.map((entry, i) => ({
      csl: csl[i]!,
      extra: { kind: field(entry.properties.kind), locale: field(entry.properties.locale) },
      line: lines.get(entry.label)?.shift() ?? 1,
    }));
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message)?.[1];
      return stop(
        at ? lineAt(text, Number(at)) : null,
        `is not valid JSON (${message.replace(/\s+/g, ' ')}); export the collection again as CSL JSON.`,
      );
    }
    const list = Array.isArray(json) ? json : [json];
    const bad = list.findIndex((item) => typeof item !== 'object' || item === null || !('id' in item));
    if (bad >= 0)
      return stop(
        null,
        `has an item (number ${bad + 1}) that is not a CSL JSON item (an object with an "id"); export the collection as CSL JSON.`,
      );
    // The library's options type lists every option as required; these two are all it needs.
    const options = { forceType: '@csl/list+object', generateGraph: false } as Parameters<
      typeof plugins.input.chain
    >[1];
    const csl = plugins.input.chain(list, options);
    const lines = jsonItemLines(text);
    entries = csl.map((item, i) => {
      const original = list[i] as Record<string, unknown>;
      return {
        csl: item,
        extra: { kind: field(original.kind), locale: field(original.locale) },
        line: lines.get(String(original.id))?.shift() ?? 1,
      };
    });
  }
  const records: RawRecord[] = entries.map(({ csl, extra, line }) => ({
    ref: `${path}:${line}`,
    line,
    cells: sourceCells(csl, extra),
  }));
  const columns = [...SCHEMAS.sources.required, ...SCHEMAS.sources.optional];
  return { file: { path, kind: 'sources', columns, records }, problems: [] };
}

function readBibtex(text: string) {
  return plugins.input.data(text, '@biblatex/text');
}

function field(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

/**
 * One entry as the cells of a sources.csv row. `kind` and `locale` come from a field of that name, else
 * from a `kind: …` / `locale: …` line of the note (Zotero's Extra field), else (kind) from a keyword
 * that is a kind, and (locale) from the entry's language.
 */
export function sourceCells(csl: CSL, extra: Extra = {}): Record<string, string> {
  const note = typeof csl.note === 'string' ? csl.note : '';
  const fromNote = (key: string) => new RegExp(`(?:^|\\s)${key}:\\s*([\\p{L}_-]+)`, 'iu').exec(note)?.[1];
  const keywords = String((csl as { keyword?: unknown }).keyword ?? '')
    .split(/[,;]/)
    .map((k) => k.trim().toLowerCase());
  const kind =
    extra.kind ||
    fromNote('kind')?.toLowerCase() ||
    keywords.find((k) => (KINDS as readonly string[]).includes(k)) ||
    '';
  const locale = extra.locale || fromNote('locale')?.toLowerCase() || languageLocale(csl.language) || '';
  const authors = csl.author?.length ? names(csl.author) : csl.editor?.length ? editors(csl.editor) : '';
  const publisher = csl.publisher ?? csl['container-title'] ?? '';
  return {
    source_id: String(csl['citation-key'] ?? csl.id),
    author: authors,
    title: String(csl.title ?? ''),
    year: year(csl.issued, csl.accessed),
    kind,
    publisher: String(publisher),
    url: String(csl.URL ?? ''),
    locale,
    notes: note
      .replace(/(?:^|\s)(?:kind|locale):\s*[\p{L}_-]+/giu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/**
 * Names as a sources.csv author cell: people "Family, Given", joined by "; ", and an institution (a
 * literal, or BibTeX's {Braced Name}) in braces, so that the bibliography never inverts it.
 */
function names(list: readonly CSLName[]): string {
  return list
    .map((n) => {
      if (n.literal) return `{${n.literal}}`;
      const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
      if (!n.given) return family.includes(' ') ? `{${family}}` : family;
      const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
      return `${family}, ${given}${n.suffix ? `, ${n.suffix}` : ''}`;
    })
    .join('; ');
}

function editors(list: readonly CSLName[]): string {
  return `${names(list)} (${list.length > 1 ? 'eds.' : 'ed.'})`;
}

/** The year as sources.csv writes it: `1990`, `c. 1936`, `1969–1978`, `n.d. (accessed 2026)`. */
function year(issued: CSLDate | undefined, accessed: CSLDate | undefined): string {
  const first = (d: CSLDate | undefined): string => {
    if (!d) return '';
    const parts = d['date-parts'];
    if (parts?.[0]?.[0] !== undefined) {
      const start = String(parts[0][0]);
      const end = parts[1]?.[0] !== undefined ? String(parts[1][0]) : start;
      const span = end === start ? start : `${start}–${end}`;
      return d.circa ? `c. ${span}` : span;
    }
    return String(d.literal ?? d.raw ?? '');
  };
  const y = first(issued);
  if (y) return y;
  const a = first(accessed);
  return a ? `n.d. (accessed ${a.slice(0, 4)})` : '';
}

const LANGUAGES: Record<string, (typeof LOCALES)[number]> = {
  en: 'en',
  english: 'en',
  american: 'en',
  british: 'en',
  ru: 'ru',
  russian: 'ru',
  de: 'de',
  german: 'de',
  ngerman: 'de',
  fr: 'fr',
  french: 'fr',
};

/** `ru`, `ru-RU`, `russian` → ru; a language norma has no number style for gives nothing (en). */
function languageLocale(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const key = language.trim().toLowerCase();
  return LANGUAGES[key] ?? LANGUAGES[key.split(/[-_]/)[0] ?? ''];
}

/** Each entry's key → the lines where entries with that key start, in file order. */
function bibtexEntryLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  const entry = /@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()"=#]+)\s*,/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    const type = m[1]!.toLowerCase();
    if (type === 'string' || type === 'preamble' || type === 'comment') continue;
    push(lines, m[2]!, lineAt(text, m.index));
  }
  return lines;
}

/** Each item's id → the lines of its `"id": …` key, in file order. */
function jsonItemLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  const id = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/g;
  for (let m = id.exec(text); m; m = id.exec(text)) {
    const value = m[1]!;
    push(lines, value.startsWith('"') ? (JSON.parse(value) as string) : value, lineAt(text, m.index));
  }
  return lines;
}

function push(map: Map<string, number[]>, key: string, line: number): void {
  const list = map.get(key);
  if (list) list.push(line);
  else map.set(key, [line]);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
