import Papa from 'papaparse';
import { hasWideBytes, utf8Field } from './decode-utf8.ts';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export type ParsedCsv =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; reason: 'unclosed-quote' | 'malformed-quote' | 'cr-line-endings' };

/**
 * Finds where each record starts, RFC 4180 style: a quote opens a quoted field only as the first
 * character of a field (`5" gauge` is plain text), `""` inside it is a quote, and the closing quote
 * must end the field. Blank lines and `#` lines outside a quoted field are dropped, so that every
 * record keeps the line an editor would look at. Linear; lines without quotes take one indexOf.
 */
function scanRecords(
  lines: readonly string[],
  bytes: boolean,
): { kept: string[]; starts: number[]; wide: boolean[] } | { error: ParsedCsv } {
  const kept: string[] = [];
  const starts: number[] = [];
  const wide: boolean[] = [];
  let inQuoted = false;
  let recordStart = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const wideLine = bytes && hasWideBytes(line);
    if (!inQuoted) {
      let trimmed = line.trim();
      // A line of Unicode spaces is blank, and one before a `#` a comment: judged on the decoded text.
      if (wideLine && trimmed.charCodeAt(0) >= 0x80) trimmed = utf8Field(trimmed).trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      recordStart = n + 1;
      starts.push(recordStart);
      wide.push(false);
    }
    if (wideLine) wide[wide.length - 1] = true;
    kept.push(line);
    let i = 0;
    let fieldStart = !inQuoted;
    while (i <= line.length) {
      if (inQuoted) {
        const q = line.indexOf('"', i);
        if (q < 0) break; // the quoted field goes on to the next line
        if (line.charCodeAt(q + 1) === 34) {
          i = q + 2;
          continue;
        }
        inQuoted = false;
        i = q + 1;
        if (i === line.length) break;
        if (line.charCodeAt(i) !== 44)
          return { error: { ok: false, line: n + 1, reason: 'malformed-quote' } };
        i++;
        fieldStart = true;
        continue;
      }
      if (fieldStart && line.charCodeAt(i) === 34) {
        inQuoted = true;
        i++;
        continue;
      }
      const comma = line.indexOf(',', i);
      if (comma < 0) break;
      i = comma + 1;
      fieldStart = true;
    }
  }
  if (inQuoted) return { error: { ok: false, line: recordStart, reason: 'unclosed-quote' } };
  return { kept, starts, wide };
}

/**
 * Splits CSV text into records with their physical start lines. The first record is the header. With
 * `bytes`, the input is a latin1 byte string of UTF-8 (decode-utf8.ts), and the fields come out decoded.
 */
export function parseCsv(input: string, bytes = false): ParsedCsv {
  // Old Mac files end lines with CR alone; line numbers would mean nothing to the editor's tools.
  if (!input.includes('\n') && /\r[^\r]/.test(input))
    return { ok: false, line: 1, reason: 'cr-line-endings' };
  const lines = input.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  const scanned = scanRecords(lines, bytes);
  if ('error' in scanned) return scanned.error;
  const { kept, starts, wide } = scanned;
  if (kept.length === 0) return { ok: true, records: [] };
  const parsed = Papa.parse<string[]>(kept.join('\n'), {
    header: false,
    skipEmptyLines: false,
    delimiter: ',',
    newline: '\n',
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = starts[quoteError.row ?? 0] ?? starts[0]!;
    return { ok: false, line, reason: 'malformed-quote' };
  }
  if (parsed.data.length !== starts.length) {
    // The scanner and papaparse must agree on records; if not, refuse rather than guess lines.
    return {
      ok: false,
      line: starts[Math.min(parsed.data.length, starts.length) - 1] ?? 1,
      reason: 'malformed-quote',
    };
  }
  const records: CsvRecord[] = parsed.data.map((fields, i) => {
    if (wide[i]) for (let j = 0; j < fields.length; j++) fields[j] = utf8Field(fields[j]!);
    return { line: starts[i]!, fields };
  });
  return { ok: true, records };
}
