import type { IngestResult, Problem, RawEssay, RawInput } from '../core/types.ts';
import { ingestEssay } from '../data/ingest/essay.ts';
import { ingest } from '../data/ingest/ingest.ts';
import { expandIngest, ingestJsonChunks, ingestJsonFromParts } from '../io/ingest-json.ts';
import { readRawFolder, withRawProblems } from '../io/read-raw.ts';
import { hashParts } from '../run/cache.ts';
import type { Runtime, StageResult, StageSpec } from '../run/runtime.ts';
import { askShards, closeShards } from '../run/shards/shard-edge.ts';
import { shardCount } from '../run/shards/shard-pool.ts';
import type { IngestReply } from '../run/shards/shard-work.ts';

export async function loadIngest(rt: Runtime): Promise<IngestResult> {
  if (!rt.state.ingest) {
    rt.state.ingest = expandIngest(JSON.parse(await rt.fs.readText(rt.paths.ingest)));
  }
  return rt.state.ingest;
}

async function readRaw(rt: Runtime) {
  if (!rt.state.rawInputs) {
    const { inputs, problems, essay } = await readRawFolder(rt.fs, rt.ctx.rawDir);
    const read = ingestEssay(essay);
    rt.state.rawInputs = inputs;
    rt.state.rawProblems = [...problems, ...read.problems];
    rt.state.essay = read.essay;
    rt.state.essayBytes = essay?.bytes ?? null;
  }
  return {
    inputs: rt.state.rawInputs,
    problems: rt.state.rawProblems ?? [],
    essay: rt.state.essay ?? null,
    essayBytes: rt.state.essayBytes ?? null,
  };
}

/**
 * Ingest split over worker threads (shards/shard-pool.ts): each shard reads every file and keeps its
 * measures' rows for clean; the main thread writes ingest.json from the shards' parts. Null when the
 * workers fail, and the run goes on unsharded.
 */
async function ingestSharded(
  rt: Runtime,
  inputs: RawInput[],
  rawProblems: Problem[],
  essay: RawEssay | null,
  shards: number,
): Promise<StageResult | null> {
  const { ShardPool } = await import('../run/shards/shard-pool.ts');
  const pool = new ShardPool(shards);
  rt.state.shards = pool;
  const replies = await askShards(rt, 'ingest', () => pool.ingest(inputs));
  if (!replies) {
    await closeShards(rt);
    return null;
  }
  const first = replies[0] as IngestReply;
  const problems = withRawProblems(first.problems, rawProblems);
  const parts = replies.flatMap((r) => r.parts).sort((a, b) => a.n - b.n);
  pool.ingestProblems = problems;
  pool.essay = essay;
  pool.stage = 'ingested';
  pool.startEarly('clean');
  rt.state.rawInputs = undefined;
  await rt.fs.writeAtomicChunks(
    rt.paths.ingest,
    ingestJsonFromParts(
      problems,
      parts.map((p) => p.json),
      essay,
    ),
  );
  return { counts: `${parts.length} files, ${replies.reduce((sum, r) => sum + r.rows, 0)} rows` };
}

export const ingestStage: StageSpec = {
  name: 'ingest',
  async inputs(rt) {
    const { inputs, problems, essay, essayBytes } = await readRaw(rt);
    const parts: (string | Uint8Array)[] = [];
    for (const input of inputs) parts.push(input.path, input.bytes);
    if (essay && essayBytes) parts.push(essay.path, essayBytes);
    // What could not be read is part of what ingest saw: removing a broken link must rerun it.
    for (const p of problems) parts.push(p.code, p.ref, p.message);
    return [hashParts(parts)];
  },
  outputs: (rt) => [rt.paths.ingest],
  async run(rt) {
    const { inputs, problems, essay } = await readRaw(rt);
    const shards = shardCount(inputs);
    if (shards > 0) {
      const sharded = await ingestSharded(rt, inputs, problems, essay, shards);
      if (sharded) return sharded;
    }
    const result = ingest(inputs);
    result.problems = withRawProblems(result.problems, problems);
    result.essay = essay;
    rt.state.ingest = result;
    // The raw bytes were hashed and parsed; nothing else reads them.
    rt.state.rawInputs = undefined;
    await rt.fs.writeAtomicChunks(rt.paths.ingest, ingestJsonChunks(result));
    const rows = result.files.reduce((n, f) => n + f.records.length, 0);
    return { counts: `${result.files.length} files, ${rows} rows` };
  },
};
