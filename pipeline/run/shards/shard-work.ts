// What one shard does, as pure steps over its own state: a worker thread runs them (shard-worker.ts) and
// tests call them directly. Every shard reads every raw file, keeps the rows of its own measures
// (shard-plan.ts), cleans and reconciles them with the same cores as an unsharded run, and renders its
// part of the big outputs, one block per measure, for the main thread to put in order.

import type {
  AuditEntry,
  Claim,
  CleanResult,
  Measure,
  Observation,
  Problem,
  RawFile,
  RawInput,
  ReconciledRow,
  Reject,
  Source,
} from '../../core/types.ts';
import { readCatalog } from '../../data/clean/catalog.ts';
import { type Cleaner, startClean } from '../../data/clean/clean.ts';
import { ingestFile, inPathOrder, missingCatalogProblems, type RowFilter } from '../../data/ingest/ingest.ts';
import { reconcile } from '../../data/reconcile/reconcile.ts';
import { auditEntriesJson } from '../../io/audit-json.ts';
import { compactFileJson } from '../../io/ingest-json.ts';
import { type ObservationExtras, observationExtras } from '../../io/staged-observations.ts';
import { observationCsvBody } from '../../io/write-csv.ts';
import { planShards } from './shard-plan.ts';

export interface ShardState {
  shard: number;
  shardOf: (measureId: string) => number;
  /** This shard's observation files, cleaned as they were read; finished by cleanShard. */
  cleaner?: Cleaner;
  /** What cleanShard reads claims from (claims.csv for shard 0, besides the catalog). */
  claimFiles?: RawFile[];
  clean?: CleanResult;
}

/** A measure's part of a big output file, as UTF-8 bytes (moved, not copied, between threads). */
export interface MeasureBlock {
  measure_id: string;
  rows: number;
  bytes: Uint8Array;
}

export interface IngestReply {
  /** The ingest problems of every file: the same in every shard. */
  problems: Problem[];
  /** Rows of the files this shard wrote to ingest.json: summed over shards, every row. */
  rows: number;
  /** This shard's files of ingest.json: index among the files read, and the file's JSON. */
  parts: { n: number; json: Uint8Array }[];
}

export interface CleanReply {
  /** Clean's problems, rejects included (kind `reject`, this shard's rows only). */
  problems: Problem[];
  rejects: Reject[];
  sources: Source[];
  measures: Measure[];
  /** Shard 0 cleans claims.csv; the others have none. */
  claims: Claim[];
  observations: number;
  /** observations.csv lines (no header), a block per measure, in this shard's order. */
  blocks: MeasureBlock[];
  /** Extras by row index within this shard's observations. */
  extras: ObservationExtras;
}

export interface ReconcileReply {
  problems: Problem[];
  rows: ReconciledRow[];
  /** audit.json entries, a block per measure, joined with `,\n` inside a block. */
  blocks: MeasureBlock[];
}

/** Rows sorted by measure → one block per run of a measure. */
function blocksOf<T extends { measure_id: string }>(
  rows: readonly T[],
  render: (run: T[]) => Uint8Array,
): MeasureBlock[] {
  const blocks: MeasureBlock[] = [];
  for (let i = 0; i < rows.length; ) {
    const id = (rows[i] as T).measure_id;
    let j = i + 1;
    while (j < rows.length && (rows[j] as T).measure_id === id) j++;
    const run = rows.slice(i, j);
    blocks.push({ measure_id: id, rows: run.length, bytes: render(run) });
    i = j;
  }
  return blocks;
}

/**
 * Reads every raw file. The catalog comes first (it says which measures are this shard's and how to
 * clean them); then each observation file is cleaned as soon as it is read, so that its raw rows die
 * young rather than wait for the clean stage. Shard `i % shards` renders file i's part of ingest.json.
 */
export function ingestShard(
  inputs: readonly RawInput[],
  shard: number,
  shards: number,
): { state: ShardState; reply: IngestReply } {
  const ordered = inPathOrder(inputs);
  const read: { problems: Problem[]; ok: boolean; json?: Uint8Array; rows: number }[] = [];
  const keep: RawFile[] = [];
  const isCatalog = (input: RawInput) =>
    input.kind === 'sources' || input.kind === 'measures' || input.kind === 'units';
  const ingestOne = (i: number, filter?: RowFilter): RawFile | null => {
    const input = ordered[i] as RawInput;
    const writes = i % shards === shard;
    const result = ingestFile(input, writes ? undefined : filter);
    read[i] = {
      problems: result.problems,
      ok: result.file !== null,
      rows: writes ? (result.file?.records.length ?? 0) : 0,
      ...(writes && result.file ? { json: compactFileJson(result.file) } : {}),
    };
    return result.file;
  };

  const catalogFiles: RawFile[] = [];
  ordered.forEach((input, i) => {
    if (!isCatalog(input)) return;
    const file = ingestOne(i);
    if (file) catalogFiles.push(file);
  });
  const shardOf = planShards(readCatalog(catalogFiles).measures, shards);
  const mine = (measureId: string) => shardOf(measureId) === shard;
  const cleaner = startClean(catalogFiles);
  ordered.forEach((input, i) => {
    if (isCatalog(input)) return;
    const observations = input.kind === 'observations';
    const file = ingestOne(i, observations ? { column: 'measure_id', keep: mine } : undefined);
    if (!file) return;
    if (!observations) {
      if (input.kind === 'claims' && shard === 0) keep.push(file);
      return;
    }
    // The shard that rendered the whole file keeps only its own rows, like the others.
    const records =
      i % shards === shard ? file.records.filter((r) => mine(r.cells.measure_id ?? '')) : file.records;
    cleaner.add({ ...file, records });
  });

  const parts: IngestReply['parts'] = [];
  let n = 0;
  for (const r of read) {
    if (!r.ok) continue;
    if (r.json !== undefined) parts.push({ n, json: r.json });
    n++;
  }
  return {
    state: { shard, shardOf, cleaner, claimFiles: [...catalogFiles, ...keep] },
    reply: {
      problems: [...read.flatMap((r) => r.problems), ...missingCatalogProblems(inputs)],
      rows: read.reduce((sum, r) => sum + r.rows, 0),
      parts,
    },
  };
}

export function cleanShard(state: ShardState): CleanReply {
  if (!state.cleaner) throw new Error(`shard ${state.shard}: clean before ingest`);
  const result = state.cleaner.finish(state.claimFiles ?? []);
  state.cleaner = undefined;
  state.claimFiles = undefined;
  state.clean = result;
  return {
    problems: result.problems,
    rejects: result.rejects,
    sources: result.sources,
    measures: result.measures,
    claims: result.claims,
    observations: result.observations.length,
    blocks: blocksOf(result.observations, (run: Observation[]) => observationCsvBody(run)),
    extras: observationExtras(result.observations),
  };
}

export function reconcileShard(state: ShardState): ReconcileReply {
  const clean = state.clean;
  if (!clean) throw new Error('reconcileShard: this shard has not cleaned');
  state.clean = undefined;
  const result = reconcile({
    sources: clean.sources,
    measures: clean.measures.filter((m) => state.shardOf(m.measure_id) === state.shard),
    observations: clean.observations,
    claims: [],
  });
  return {
    problems: result.problems,
    rows: result.reconciled,
    blocks: blocksOf(result.audit, (run: AuditEntry[]) => auditEntriesJson(run)),
  };
}

/** The transferable buffers of a reply (moved to the main thread rather than copied). */
export function transferList(reply: IngestReply | CleanReply | ReconcileReply): ArrayBuffer[] {
  // Each block and part is written into an ArrayBuffer of its own (ByteWriter.done), so moving it moves
  // nothing else.
  if ('parts' in reply) return reply.parts.map((p) => p.json.buffer as ArrayBuffer);
  return 'blocks' in reply ? reply.blocks.map((b) => b.bytes.buffer as ArrayBuffer) : [];
}
