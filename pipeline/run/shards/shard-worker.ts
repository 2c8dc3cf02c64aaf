// A shard's worker thread: runs the steps of shard-work.ts on the messages of shard-pool.ts, keeping
// the shard's rows between them.
import { parentPort, workerData } from 'node:worker_threads';
import type { ShardRequest, ShardResponse } from './shard-pool.ts';
import { cleanShard, ingestShard, reconcileShard, type ShardState, transferList } from './shard-work.ts';

const { shard, shards } = workerData as { shard: number; shards: number };
let state: ShardState | undefined;

function step(request: ShardRequest) {
  if (request.type === 'ingest') {
    const done = ingestShard(request.inputs, shard, shards);
    state = done.state;
    return done.reply;
  }
  if (!state) throw new Error(`shard ${shard}: ${request.type} before ingest`);
  return request.type === 'clean' ? cleanShard(state) : reconcileShard(state);
}

parentPort?.on('message', (request: ShardRequest) => {
  let response: ShardResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const t0 = performance.now();
    const reply = step(request);
    response = { ok: true, reply, ms: Math.round(performance.now() - t0) };
    transfer = transferList(reply);
  } catch (error) {
    response = {
      ok: false,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(response, transfer);
});
