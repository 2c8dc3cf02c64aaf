// The bibliography in one style, Chicago author-date: "Surname, Given. Year. Title. Publisher." Pure.
import type { Source } from '../../core/types.ts';

/** One name of an author cell: a person (surname first when inverted) or an institution. */
export type Name = { person: true; family: string; given: string } | { person: false; literal: string };

export interface Contributors {
  names: Name[];
  /** `(ed.)` / `(eds.)` after the names: they edited the work. */
  editors: boolean;
  /** "et al." after the names: there are more than the cell names. */
  etAl: boolean;
}

export interface BibliographyEntry {
  source_id: string;
  /** The whole reference as plain text. */
  text: string;
  /**
   * Its parts, for a renderer that sets the title in italics or links the URL:
   * text = author + year + title + rest + (url ? ` ${url}.` : '').
   */
  author: string;
  year: string;
  title: string;
  rest: string;
  url: string;
}

// Words that make a name an institution, not a person ("Institute of History", "Wikipedia contributors").
const INSTITUTION =
  /\b(?:academy|akademi\w*|agency|archiv\w*|association|board|bureau|centr\w*|college|commission|committee|company|contributors|corporation|council|department|directorate|editors|encyclop\w*|entsiklop\w*|enzyklop\w*|foundation|gazette|government|group|institut\w*|library|magazine|ministry|museum|news|newspaper|office|press|service|society|staff|times|university|wikipedia)\b/iu;
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ten',
  'ter',
  'zu',
  'bin',
  'ibn',
]);
// A given name or an initial: "Robert", "Lewis", "H.", "Ya.", "J.-P.", "Vasil'eva".
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’-]*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*)$/u;

/**
 * An author cell as names. People are written "Conquest, Robert" or "Lewis H. Siegelbaum" alike, several
 * joined by `;` or " and "; an institution is any name in {braces} (as BibTeX writes it), or one that has
 * no shape of a person's name (lower-case words, an acronym, a domain, a single word, or a word such as
 * Institute, Press or contributors). A trailing "(ed.)" or "(eds.)" marks editors.
 */
export function parseContributors(cell: string): Contributors {
  let text = cell.trim();
  let editors = false;
  const role = /\s*\((?:ed|eds|editor|editors)\.?\)\s*$/i.exec(text);
  if (role) {
    editors = true;
    text = text.slice(0, role.index);
  }
  let etAl = false;
  const more = /,?\s+et al\.?$/i.exec(text);
  if (more) {
    etAl = true;
    text = text.slice(0, more.index);
  }
  if (text === '') return { names: [], editors, etAl };
  const bySemicolon = splitNames(text, false);
  if (bySemicolon.length > 1 || !text.includes(' and '))
    return { names: bySemicolon.map(parseName), editors, etAl };
  // BibTeX joins names with " and "; an institution may hold the word ("Institute of Demography and
  // Social Studies"), so the split stands only when every part is a person.
  const byAnd = splitNames(text, true).map(parseName);
  const names = byAnd.every((n) => n.person) ? byAnd : [parseName(text)];
  return { names, editors, etAl };
}

/** `A; B`, or with `and`, BibTeX's `A and B`, outside braces. */
function splitNames(text: string, and: boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ';') {
      parts.push(text.slice(start, i));
      start = i + 1;
    } else if (and && depth === 0 && text.startsWith(' and ', i)) {
      parts.push(text.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function parseName(text: string): Name {
  const braced = /^\{(.*)\}$/.exec(text);
  if (braced) return { person: false, literal: braced[1]!.trim() };
  const institution: Name = { person: false, literal: text };
  if (INSTITUTION.test(text) || /[\d@/]|\.\p{L}{2,}$|\(/u.test(text)) return institution;
  const comma = text.indexOf(',');
  if (comma >= 0) {
    // Inverted: "Conquest, Robert", "Davies, R. W.", "van Gogh, Vincent"; a suffix after a second comma.
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    const familyWords = family.split(/\s+/).filter((w) => !PARTICLES.has(w));
    const givenWords = given.split(/[\s,]+/).filter((w) => w !== '' && !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(w));
    if (
      familyWords.length >= 1 &&
      familyWords.length <= 2 &&
      familyWords.every(isNameWord) &&
      givenWords.length >= 1 &&
      givenWords.length <= 4 &&
      givenWords.every(isNameWord)
    )
      return { person: true, family, given };
    return institution;
  }
  const words = text.split(/\s+/);
  const named = words.filter((w) => !PARTICLES.has(w));
  if (named.length < 2 || named.length > 5 || !named.every(isNameWord)) return institution;
  // "Lewis H. Siegelbaum": the family name is the last word, with the particles before it ("Ludwig von Mises").
  let at = words.length - 1;
  while (at > 1 && PARTICLES.has(words[at - 1]!)) at--;
  return { person: true, family: words.slice(at).join(' '), given: words.slice(0, at).join(' ') };
}

function isNameWord(word: string): boolean {
  // An acronym (SSSR, BBC, CPSU) is not a name; an initial ("H.", "Yu.") is.
  if (/^\p{Lu}{2,}$/u.test(word)) return false;
  return NAME_WORD.test(word);
}

/** Chicago: the first author inverted, the others in natural order; "A, B, and C". */
export function formatContributors(c: Contributors): string {
  const shown = c.names.map((n, i) => {
    if (!n.person) return n.literal;
    return i === 0 ? `${n.family}, ${n.given}` : `${n.given} ${n.family}`;
  });
  let text: string;
  if (shown.length <= 1) text = shown[0] ?? '';
  else if (shown.length === 2) text = `${shown[0]}${c.names[0]?.person ? ',' : ''} and ${shown[1]}`;
  else if (shown.length <= 10) text = `${shown.slice(0, -1).join(', ')}, and ${shown.at(-1)}`;
  // Chicago: more than ten authors, the first seven and "et al."
  else text = `${shown.slice(0, 7).join(', ')}, et al.`;
  if (c.etAl && shown.length > 0) text += `${shown.length > 1 || c.names[0]?.person ? ',' : ''} et al.`;
  if (c.editors) text += `, ${c.names.length > 1 || c.etAl ? 'eds' : 'ed'}.`;
  return text;
}

/**
 * The year as the reference prints it: the year cell's date ("1990", "c. 1936", "1969–1978"), and
 * `n.d.` only when it gives none (an "n.d. (accessed 2026)" cell is undated: 2026 is when it was read).
 */
export function referenceYear(cell: string): { year: string; accessed: string } {
  const text = cell.trim();
  const undated = /^n\.\s?d\.?/i.test(text) || !/\d{4}/.test(text);
  const accessed = /accessed\s+([^)]*\d{4}[^)]*)\)?/i.exec(text)?.[1]?.trim() ?? '';
  if (undated) return { year: 'n.d.', accessed };
  return { year: text.replace(/\s*\([^)]*\)\s*$/, ''), accessed };
}

const endsSentence = (s: string) => /[.?!]["'’”]*$/u.test(s);
const sentence = (s: string) => (s === '' ? '' : endsSentence(s) ? s : `${s}.`);

/** One source as a Chicago author-date reference. */
export function formatReference(source: Source): BibliographyEntry {
  const contributors = parseContributors(source.author);
  const authorText = formatContributors(contributors);
  const { year, accessed } = referenceYear(source.year);
  const title = source.title.trim();
  const rest: string[] = [];
  const publisher = source.publisher.trim();
  // An institution that published its own work is named once.
  const onlyName = contributors.names.length === 1 ? contributors.names[0] : undefined;
  const sameAsAuthor = onlyName && !onlyName.person && onlyName.literal === publisher;
  if (publisher && !sameAsAuthor) rest.push(sentence(publisher));
  if (accessed) rest.push(`Accessed ${accessed}.`);
  const url = source.url.trim();
  // Without an author, Chicago leads with the title and puts the year after it.
  const author = authorText ? sentence(authorText) : '';
  const parts = author
    ? { author: `${author} `, year: `${sentence(year)} `, title: sentence(title) }
    : { author: '', year: '', title: `${sentence(title)} ${sentence(year)}` };
  const restText = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  return {
    source_id: source.source_id,
    text: `${parts.author}${parts.year}${parts.title}${restText}${url ? ` ${url}.` : ''}`,
    author: parts.author,
    year: parts.year,
    title: parts.title,
    rest: restText,
    url,
  };
}

/** The sort key: the first author's surname (or the institution, or the title, without a leading article). */
function sortKey(source: Source): string {
  const first = parseContributors(source.author).names[0];
  const lead = first ? (first.person ? `${first.family} ${first.given}` : first.literal) : source.title;
  return lead.replace(/^(?:the|a|an)\s+/i, '');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The bibliography: every source as a Chicago author-date reference, sorted by the first author's
 * surname, then year, then title (and id, so that the order never depends on the input's).
 */
export function formatBibliography(sources: readonly Source[]): BibliographyEntry[] {
  return sources
    .map((source) => ({ source, key: sortKey(source), entry: formatReference(source) }))
    .sort(
      (a, b) =>
        collator.compare(a.key, b.key) ||
        collator.compare(a.entry.year, b.entry.year) ||
        collator.compare(a.source.title, b.source.title) ||
        (a.source.source_id < b.source.source_id ? -1 : 1),
    )
    .map((x) => x.entry);
}
