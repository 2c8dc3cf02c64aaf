import { escapeMarkup } from '../../core/escape-markup.ts';

/**
 * Data text beside the report's own words: a right-to-left title or label (Hebrew, Arabic…) must not
 * pull the figures and punctuation around it into its direction ("102 t" read as "t 201"). Ingest has
 * already refused bidi overrides and isolates in raw cells (ingest/hidden-chars.ts); what is left is
 * right-to-left letters, which need isolating, not removing.
 *
 * Strong right-to-left characters: Hebrew to NKo/Samaritan/Mandaic/Arabic extended (U+0590–U+08FF),
 * the presentation forms (U+FB1D–U+FDFF, U+FE70–U+FEFE), the RTL planes of U+10800–U+10FFF and
 * U+1E800–U+1EFFF, and any direction mark or formatting character that got through.
 */
const NEEDS_ISOLATION =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]|[\ud802\ud803][\udc00-\udfff]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udeff]/;

/** Whether `text` holds anything that could reorder the text around it. */
export function needsIsolation(text: string): boolean {
  return NEEDS_ISOLATION.test(text);
}

/**
 * Pure: data text → escaped HTML, inside `<bdi>` when it holds right-to-left text (left-to-right text
 * is only escaped, so outputs without such text keep their bytes). For a handlebars helper:
 * `registerHelper('bdi', (t) => new Handlebars.SafeString(bdi(String(t ?? ''))))`.
 */
export function bdi(text: string): string {
  const escaped = escapeMarkup(text);
  return needsIsolation(text) ? `<bdi>${escaped}</bdi>` : escaped;
}

/**
 * Pure: the same for plain text where no element can wrap it (SVG <text>, a PDF outline, a title
 * attribute): between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069). Not escaped.
 */
export function isolatePlain(text: string): string {
  return needsIsolation(text) ? `\u2068${text}\u2069` : text;
}
