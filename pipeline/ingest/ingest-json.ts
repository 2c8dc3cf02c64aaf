// ingest.json, the ingest stage's parsed rows in <out>/.norma: rows as arrays (one header per file),
// which is several times smaller than objects, written a file at a time.
import type { IngestResult, RawFile } from '../types.ts';

interface CompactFile {
  path: string;
  kind: RawFile['kind'];
  columns: string[];
  lines: number[];
  rows: string[][];
}

/** One file of ingest.json (JSON.stringify of one file's compact rows is far faster than building it by hand). */
export function compactFileJson(f: RawFile): string {
  const names = Object.keys(f.records[0]?.cells ?? {});
  const columns = names.length > 0 ? names : f.columns;
  const compact: CompactFile = {
    path: f.path,
    kind: f.kind,
    columns,
    lines: f.records.map((r) => r.line),
    rows: f.records.map((r) => columns.map((c) => r.cells[c] ?? '')),
  };
  return JSON.stringify(compact);
}

/** ingest.json from its problems and each file's compact JSON, in file order: `{ problems, files }`. */
export function* ingestJsonFromParts(
  problems: IngestResult['problems'],
  files: Iterable<string>,
): Generator<string> {
  yield `{"problems":${JSON.stringify(problems)},"files":[`;
  let n = 0;
  for (const file of files) yield `${n++ === 0 ? '' : ','}\n${file}`;
  yield '\n]}\n';
}

/** ingest.json as text, a file at a time, without one string of every file. */
export function ingestJsonChunks(result: IngestResult): Generator<string> {
  return ingestJsonFromParts(
    result.problems,
    (function* () {
      for (const f of result.files) yield compactFileJson(f);
    })(),
  );
}

export function expandIngest(compact: {
  files: CompactFile[];
  problems: IngestResult['problems'];
}): IngestResult {
  return {
    problems: compact.problems,
    files: compact.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      columns: f.columns,
      records: f.rows.map((row, i) => {
        const cells: Record<string, string> = {};
        f.columns.forEach((c, j) => {
          cells[c] = row[j] ?? '';
        });
        return { ref: `${f.path}:${f.lines[i]}`, line: f.lines[i]!, cells };
      }),
    })),
  };
}
