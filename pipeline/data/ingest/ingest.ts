import { describeChar, findHidden, mayHoldHidden } from '../../core/hidden-chars.ts';
import type { IngestResult, Problem, ProblemCode, RawFile, RawInput, RawRecord } from '../../core/types.ts';
import { decodeUtf8 } from './decode-utf8.ts';
import { parseCsv } from './parse-csv.ts';
import { isBibliographyPath, readBibliography } from './read-bibliography.ts';
import { SCHEMAS } from './schema.ts';

/** Which rows of a file to keep: those whose cell in `column` passes `keep` (a shard's measures). */
export interface RowFilter {
  column: string;
  keep: (cell: string) => boolean;
}

/**
 * Pure: one raw file's bytes → its records with `file:line` refs, or the problems that stop it. With a
 * filter, rows it does not keep are checked (their problems still count) but make no record.
 */
export function ingestFile(
  input: RawInput,
  filter?: RowFilter,
): { file: RawFile | null; problems: Problem[] } {
  const { path, kind } = input;
  const problems: Problem[] = [];
  const fatal = (ref: string, code: ProblemCode, message: string) => {
    problems.push({ kind: 'fatal', code, ref, message });
    return { file: null, problems };
  };
  if (input.bytes.length === 0) {
    return fatal(path, 'empty-file', `${path} is empty (0 bytes); it needs at least a header row.`);
  }
  const decoded = decodeUtf8(input.bytes);
  if (!decoded.ok) {
    return fatal(
      `${path}:${decoded.line}`,
      'not-utf8',
      `${path}:${decoded.line} is not valid UTF-8; save the file as UTF-8 (in a spreadsheet: "CSV UTF-8").`,
    );
  }
  if (isBibliographyPath(path)) return readBibliography(path, decoded.text);
  const parsed = parseCsv(decoded.text, !decoded.ascii);
  if (!parsed.ok) {
    if (parsed.reason === 'cr-line-endings') {
      return fatal(
        `${path}:1`,
        'cr-line-endings',
        `${path} ends its lines with CR alone (old Mac style); save it with LF or CRLF line endings.`,
      );
    }
    return parsed.reason === 'unclosed-quote'
      ? fatal(
          `${path}:${parsed.line}`,
          'unclosed-quote',
          `${path}:${parsed.line} opens a quoted field that is never closed; add the closing " (write "" for a quote inside a field).`,
        )
      : fatal(
          `${path}:${parsed.line}`,
          'malformed-quote',
          `${path}:${parsed.line} has a quoted field with text after its closing quote; quote the whole cell and write "" for a quote inside it.`,
        );
  }
  const [header, ...rows] = parsed.records;
  const hidden = mayHoldHidden(decoded.text);
  if (!header) {
    return fatal(
      path,
      'no-header',
      `${path} has no header row; add one (${SCHEMAS[kind].required.join(', ')}).`,
    );
  }
  if (hidden) {
    const stop = checkHidden(path, header.line, header.fields, [], problems);
    if (stop) return fatal(`${path}:${header.line}`, stop.code, stop.message);
  }
  const columns = header.fields.map((c) => c.trim().toLowerCase());
  const schema = SCHEMAS[kind];
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') continue;
    if (seen.has(column)) {
      fatal(
        `${path}:${header.line}`,
        'duplicate-column',
        `${path}:${header.line} has the column "${column}" twice; remove one.`,
      );
    }
    seen.add(column);
  }
  const missing = schema.required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c}"`).join(', ');
    fatal(
      `${path}:${header.line}`,
      'missing-column',
      `${path}:${header.line} lacks the required column${missing.length > 1 ? 's' : ''} ${names}; add ${missing.length > 1 ? 'them' : 'it'} to the header.`,
    );
  }
  const known = new Set([...schema.required, ...schema.optional]);
  for (const column of seen) {
    if (!known.has(column)) {
      problems.push({
        kind: 'warning',
        code: 'unknown-column',
        ref: `${path}:${header.line}`,
        message: `${path}:${header.line}: unknown column "${column}" is ignored (known: ${[...known].join(', ')}).`,
      });
    }
  }
  if (problems.some((p) => p.kind === 'fatal')) return { file: null, problems };

  const rowLevel = kind === 'observations' || kind === 'claims';
  const records: RawRecord[] = [];
  const filterAt = filter ? columns.indexOf(filter.column) : -1;
  for (const row of rows) {
    if (row.fields.length > columns.length && hasText(row.fields, columns.length)) {
      const ref = `${path}:${row.line}`;
      const message = `${ref} has ${row.fields.length} cells but the header has ${columns.length}; quote cells that contain commas.`;
      if (rowLevel)
        problems.push({ kind: 'reject', code: 'extra-cells', ref, raw: row.fields.join(','), message });
      else problems.push({ kind: 'fatal', code: 'extra-cells', ref, message });
      continue;
    }
    if (hidden) {
      const stop = checkHidden(path, row.line, row.fields, columns, problems);
      if (stop) {
        const ref = `${path}:${row.line}`;
        if (rowLevel) problems.push({ kind: 'reject', ref, raw: row.fields.join(','), ...stop });
        else problems.push({ kind: 'fatal', ref, ...stop });
        continue;
      }
    }
    if (filterAt >= 0 && !filter?.keep((row.fields[filterAt] ?? '').trim())) continue;
    const cells: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i]!;
      if (name !== '') cells[name] = (row.fields[i] ?? '').trim();
    }
    records.push({ ref: rowRef(path, row.line), line: row.line, cells });
  }
  return { file: { path, kind, columns, records }, problems };
}

/**
 * `file:line`, as one flat string. A template literal makes a tree of two joined strings, which the
 * first read flattens into a third: a million refs took ~88 bytes each instead of ~48, and were slower to
 * write out.
 */
export function rowRef(path: string, line: number): string {
  return [path, line].join(':');
}

/**
 * A record's hidden characters (hidden-chars.ts): invisible marks are stripped from `fields` in place,
 * with a warning; a control or bidi character returns the problem that stops the row.
 */
function checkHidden(
  path: string,
  line: number,
  fields: string[],
  columns: readonly string[],
  problems: Problem[],
): { code: ProblemCode; message: string } | null {
  for (let i = 0; i < fields.length; i++) {
    const found = findHidden(fields[i]!);
    if (!found) continue;
    const where = `${path}:${line}: the cell ${columns[i] ? `"${columns[i]}"` : `${i + 1}`}`;
    if (found.kind === 'invisible') {
      fields[i] = found.stripped;
      problems.push({
        kind: 'warning',
        code: 'invisible-character',
        ref: `${path}:${line}`,
        message: `${where} held ${found.chars.map(describeChar).join(', ')}, invisible; removed (the cell reads as displayed).`,
      });
      continue;
    }
    const what = describeChar(found.char);
    return found.kind === 'control'
      ? {
          code: 'control-character',
          message: `${where} holds the control character ${what}, which no figure or text needs (a damaged file or pasted binary?); retype the cell.`,
        }
      : {
          code: 'bidi-character',
          message: `${where} holds ${what}, which reorders the text a reader sees ("102 t" can show as "t 201"); retype the cell without it.`,
        };
  }
  return null;
}

/** Whether any field from `from` on holds more than spaces (cells past the header's columns). */
function hasText(fields: readonly string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) if (fields[i]!.trim() !== '') return true;
  return false;
}

/** Raw files in the order ingest reads them: by path. */
export function inPathOrder(inputs: readonly RawInput[]): RawInput[] {
  return [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Pure: all raw files → the ingest result. Missing catalog files are fatal. */
export function ingest(inputs: readonly RawInput[]): IngestResult {
  const files: RawFile[] = [];
  const problems: Problem[] = [];
  for (const input of inPathOrder(inputs)) {
    const result = ingestFile(input);
    if (result.file) files.push(result.file);
    problems.push(...result.problems);
  }
  problems.push(...missingCatalogProblems(inputs));
  return { files, problems };
}

/** sources.csv (or sources.bib / sources.json) and measures.csv must exist. */
export function missingCatalogProblems(inputs: readonly RawInput[]): Problem[] {
  const problems: Problem[] = [];
  for (const required of ['sources.csv', 'measures.csv'] as const) {
    if (required === 'sources.csv' && inputs.some((i) => isBibliographyPath(i.path))) continue;
    if (!inputs.some((i) => i.path === required)) {
      problems.push({
        kind: 'fatal',
        code: 'missing-file',
        ref: required,
        message:
          required === 'sources.csv'
            ? `sources.csv is missing from the raw folder; create it with the header ${SCHEMAS.sources.required.join(',')}, or put your bibliography there as sources.bib (BibTeX) or sources.json (CSL JSON).`
            : `${required} is missing from the raw folder; create it with the header ${SCHEMAS.measures.required.join(',')}.`,
      });
    }
  }
  return problems;
}
