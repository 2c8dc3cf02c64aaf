// Replaces the placeholders of the rendered body with each directive's HTML (built from the partials,
// every data value escaped), and closes each section with the notes of the figures cited in it.
import type { Directive } from '../definition/directive.ts';
import { PLACEHOLDER_RE } from '../definition/parse-directives.ts';
import { SECTION_END } from './markdown-body.ts';

export interface DirectiveRenderer {
  /** A block directive's HTML. */
  block(d: Exclude<Directive, { type: 'figure' }>): string;
  /** A figure's inline HTML; `note` is its note number. */
  figure(d: Extract<Directive, { type: 'figure' }>, note: number): string;
  /** The notes list of figures `from`..`to` (inclusive), '' for none. */
  notes(from: number, to: number): string;
}

/** Pure: one pass over the body, in document order, so notes are numbered as the reader meets them. */
export function fillBody(html: string, directives: readonly Directive[], render: DirectiveRenderer): string {
  let note = 0;
  let sectionFirstNote = 1;
  const re = new RegExp(`<p>${PLACEHOLDER_RE.source}</p>\\n?|${PLACEHOLDER_RE.source}|${SECTION_END}`, 'g');
  const flush = () => {
    const out = note >= sectionFirstNote ? render.notes(sectionFirstNote, note) : '';
    sectionFirstNote = note + 1;
    return out;
  };
  const filled = html.replace(re, (match, block: string | undefined, inline: string | undefined) => {
    if (match === SECTION_END) return flush();
    const d = directives[Number(block ?? inline)];
    if (!d) return '';
    if (d.type === 'figure') {
      note += 1;
      const figure = render.figure(d, note);
      return block !== undefined ? `<p>${figure}</p>\n` : figure;
    }
    return `${render.block(d)}\n`;
  });
  // Figures before the first section (or in a body without sections) get their notes at the end.
  return filled + flush();
}
