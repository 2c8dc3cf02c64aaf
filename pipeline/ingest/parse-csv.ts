import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export type ParsedCsv =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; reason: 'unclosed-quote' };

/**
 * Splits CSV text into records with their physical start lines. Blank lines and lines starting with
 * `#` (outside a quoted field) are dropped here, so that papaparse sees only records and every record
 * keeps the line an editor would look at. The first record is the header.
 */
export function parseCsv(text: string): ParsedCsv {
  const starts: number[] = [];
  const kept: string[] = [];
  let inQuote = false;
  let recordStart = 0;
  let pos = 0;
  let lineNo = 0;
  const n = text.length;
  while (pos <= n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    lineNo++;
    let line = text.slice(pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (!inQuote) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) {
        pos = end + 1;
        continue;
      }
      starts.push(lineNo);
      recordStart = lineNo;
    }
    kept.push(line);
    // Quote parity: `""` inside a quoted field toggles twice, so parity tracks the state.
    let q = line.indexOf('"');
    while (q >= 0) {
      inQuote = !inQuote;
      q = line.indexOf('"', q + 1);
    }
    pos = end + 1;
  }
  if (inQuote) return { ok: false, line: recordStart, reason: 'unclosed-quote' };
  if (kept.length === 0) return { ok: true, records: [] };
  const parsed = Papa.parse<string[]>(kept.join('\n'), {
    header: false,
    skipEmptyLines: false,
    delimiter: ',',
  });
  const records: CsvRecord[] = [];
  for (let i = 0; i < parsed.data.length; i++) {
    const fields = parsed.data[i]!;
    if (fields.length === 1 && fields[0] === '' && i === parsed.data.length - 1) continue;
    records.push({ line: starts[i] ?? starts[starts.length - 1]!, fields });
  }
  return { ok: true, records };
}
