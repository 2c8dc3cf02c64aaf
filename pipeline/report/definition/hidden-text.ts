// Pure: the lines of a report file that hold a character a reader cannot see as written — a control
// (NUL, ESC…), a bidi override or isolate (the prose shows reordered), or an invisible mark (zero
// width, tag characters). The raw files are checked at ingest (ingest/hidden-chars.ts); the report's
// own words are the editor's text and go into report.html and the PDF just as directly.
import { describeChar, findHidden } from '../../core/hidden-chars.ts';

/** `report/index.md:LINE: …` for each line that holds one; [] for a clean file. */
export function hiddenTextErrors(text: string, ref: string): string[] {
  const errors: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const found = findHidden(lines[i]!.replace(/\r$/, ''));
    if (!found) continue;
    const chars = found.kind === 'invisible' ? found.chars : [found.char];
    errors.push(
      `${ref}:${i + 1}: the line holds ${chars.map(describeChar).join(', ')}, which a reader does not see as written (a bidi character reorders the text around it); retype the line without it.`,
    );
  }
  return errors;
}
