import { hashParts } from '../cache.ts';
import { ingest } from '../ingest/ingest.ts';
import { readRawFolder } from '../ingest/read-raw.ts';
import type { Runtime, StageSpec } from '../runtime.ts';
import type { IngestResult, RawFile } from '../types.ts';

/** ingest.json keeps rows as arrays (one header per file), which is several times smaller than objects. */
interface CompactFile {
  path: string;
  kind: RawFile['kind'];
  columns: string[];
  lines: number[];
  rows: string[][];
}

/**
 * ingest.json as text, a file at a time: `{ problems, files: CompactFile[] }`, without one string of
 * every file (JSON.stringify of one file's compact rows is far faster than building the text by hand).
 */
export function* ingestJsonChunks(result: IngestResult): Generator<string> {
  yield `{"problems":${JSON.stringify(result.problems)},"files":[`;
  for (let n = 0; n < result.files.length; n++) {
    const f = result.files[n]!;
    const names = Object.keys(f.records[0]?.cells ?? {});
    const columns = names.length > 0 ? names : f.columns;
    const compact: CompactFile = {
      path: f.path,
      kind: f.kind,
      columns,
      lines: f.records.map((r) => r.line),
      rows: f.records.map((r) => columns.map((c) => r.cells[c] ?? '')),
    };
    yield `${n === 0 ? '' : ','}\n${JSON.stringify(compact)}`;
  }
  yield '\n]}\n';
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

export async function loadIngest(rt: Runtime): Promise<IngestResult> {
  if (!rt.state.ingest) {
    rt.state.ingest = expandIngest(JSON.parse(await rt.fs.readText(rt.paths.ingest)));
  }
  return rt.state.ingest;
}

async function readRaw(rt: Runtime) {
  if (!rt.state.rawInputs) {
    const { inputs, problems } = await readRawFolder(rt.fs, rt.ctx.rawDir);
    rt.state.rawInputs = inputs;
    rt.state.rawProblems = problems;
  }
  return { inputs: rt.state.rawInputs, problems: rt.state.rawProblems ?? [] };
}

export const ingestStage: StageSpec = {
  name: 'ingest',
  async inputs(rt) {
    const { inputs } = await readRaw(rt);
    const parts: (string | Uint8Array)[] = [];
    for (const input of inputs) parts.push(input.path, input.bytes);
    return [hashParts(parts)];
  },
  outputs: (rt) => [rt.paths.ingest],
  async run(rt) {
    const { inputs, problems } = await readRaw(rt);
    const result = ingest(inputs);
    result.problems.push(...problems);
    rt.state.ingest = result;
    // The raw bytes were hashed and parsed; nothing else reads them.
    rt.state.rawInputs = undefined;
    await rt.fs.writeAtomicChunks(rt.paths.ingest, ingestJsonChunks(result));
    const rows = result.files.reduce((n, f) => n + f.records.length, 0);
    return { counts: `${result.files.length} files, ${rows} rows` };
  },
};
