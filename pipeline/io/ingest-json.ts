// ingest.json, the ingest stage's parsed rows in <out>/.norma: rows as arrays (one header per file),
// which is several times smaller than objects, written a file at a time.

import type { IngestResult, RawFile, RawRecord } from '../core/types.ts';
import { rowRef } from '../data/ingest/ingest.ts';
import { ByteWriter } from './byte-writer.ts';
import { writeJsonNumber, writeJsonString } from './write-csv.ts';

interface CompactFile {
  path: string;
  kind: RawFile['kind'];
  columns: string[];
  lines: number[];
  rows: string[][];
}

/** One file of ingest.json, as the bytes of JSON.stringify of its CompactFile. */
export function compactFileJson(f: RawFile): Uint8Array {
  const names = Object.keys(f.records[0]?.cells ?? {});
  const columns = names.length > 0 ? names : f.columns;
  const w = new ByteWriter(Math.max(1024, f.records.length * 64));
  w.ascii('{"path":');
  writeJsonString(w, f.path);
  w.ascii(',"kind":');
  writeJsonString(w, f.kind);
  w.ascii(',"columns":[');
  for (let j = 0; j < columns.length; j++) {
    if (j > 0) w.byte(44);
    writeJsonString(w, columns[j] as string);
  }
  w.ascii('],"lines":[');
  const records = f.records;
  for (let i = 0; i < records.length; i++) {
    if (i > 0) w.byte(44);
    writeJsonNumber(w, (records[i] as RawRecord).line);
  }
  w.ascii('],"rows":[');
  for (let i = 0; i < records.length; i++) {
    const cells = (records[i] as RawRecord).cells;
    w.ascii(i > 0 ? ',[' : '[');
    for (let j = 0; j < columns.length; j++) {
      if (j > 0) w.byte(44);
      writeJsonString(w, cells[columns[j] as string] ?? '');
    }
    w.byte(93);
  }
  w.ascii(']}');
  return w.done();
}

/** ingest.json from its problems and each file's compact JSON, in file order: `{ problems, files }`. */
export function* ingestJsonFromParts(
  problems: IngestResult['problems'],
  files: Iterable<Uint8Array>,
  essay: IngestResult['essay'] = null,
): Generator<string | Uint8Array> {
  yield `{"problems":${JSON.stringify(problems)},"essay":${JSON.stringify(essay ?? null)},"files":[`;
  let n = 0;
  for (const file of files) {
    yield n++ === 0 ? '\n' : ',\n';
    yield file;
  }
  yield '\n]}\n';
}

/** ingest.json, a file at a time, without one string of every file. */
export function ingestJsonChunks(result: IngestResult): Generator<string | Uint8Array> {
  return ingestJsonFromParts(
    result.problems,
    (function* () {
      for (const f of result.files) yield compactFileJson(f);
    })(),
    result.essay,
  );
}

export function expandIngest(compact: {
  files: CompactFile[];
  problems: IngestResult['problems'];
  essay?: IngestResult['essay'];
}): IngestResult {
  return {
    problems: compact.problems,
    essay: compact.essay ?? null,
    files: compact.files.map((f) => ({
      path: f.path,
      kind: f.kind,
      columns: f.columns,
      records: f.rows.map((row, i) => {
        const cells: Record<string, string> = {};
        f.columns.forEach((c, j) => {
          cells[c] = row[j] ?? '';
        });
        return { ref: rowRef(f.path, f.lines[i]!), line: f.lines[i]!, cells };
      }),
    })),
  };
}
