import { capCell } from './cap-reject.ts';
import { showHidden } from './hidden-chars.ts';
import { compareRefs } from './order.ts';
import type { Problem } from './types.ts';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|\r|\n|\t/g;

/**
 * Control characters in a message are shown escaped, so a cell can neither split a line nor drive a
 * terminal; so are bidi and invisible characters (ingest/hidden-chars.ts), which would reorder the line.
 */
export function printable(text: string): string {
  return showHidden(text).replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A quoted text; taken in pairs from the left, so the text between two quoted cells is never one. */
const QUOTED = /"([^"\n]*)"/g;

/**
 * Quoted cells of more than 80 characters cut to their first 60, with their length: a message quotes the
 * cell it is about, and a cell of a megabyte made a console line of a megabyte. rejects.csv keeps them whole.
 */
export function shortenQuotes(message: string): string {
  return message.replace(QUOTED, (quoted, inner: string) =>
    inner.length > 80 ? `"${inner.slice(0, 60)}…" (${inner.length} characters)` : quoted,
  );
}

/** Prints problems as `ref: reason`, capped, with the count of the rest. Returns the lines. */
export function formatProblems(problems: readonly Problem[], cap = 50): string[] {
  const sorted = [...problems].sort((a, b) => compareRefs(a.ref, b.ref));
  const lines = sorted.slice(0, cap).map((p) => {
    // Capped whole as well: a quote inside a long cell leaves no pair for shortenQuotes to cut.
    const message = capCell(shortenQuotes(printable(p.message)), 2000);
    const text = message.startsWith(p.ref) ? message : `${p.ref}: ${message}`;
    return p.kind === 'warning' && !text.startsWith('warning') ? `warning: ${text}` : text;
  });
  if (sorted.length > cap) lines.push(`… and ${sorted.length - cap} more`);
  return lines;
}
