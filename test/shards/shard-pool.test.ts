import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawInput } from '../../pipeline/core/types.ts';
import { cleanData } from '../../pipeline/data/clean/clean.ts';
import { ingest } from '../../pipeline/data/ingest/ingest.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { nodeFileSystem } from '../../pipeline/io/effects.ts';
import { readRawFolder } from '../../pipeline/io/read-raw.ts';
import { mergeByMeasure } from '../../pipeline/run/shards/merge-shards.ts';
import {
  SHARD_MIN_BYTES,
  SHARD_MIN_CORES,
  ShardPool,
  shardCount,
} from '../../pipeline/run/shards/shard-pool.ts';
import { ROOT } from '../e2e/run-cli.ts';

const input = (kind: RawInput['kind'], size: number): RawInput => ({
  path: kind === 'observations' ? `observations/s${size}.csv` : `${kind}.csv`,
  kind,
  bytes: new Uint8Array(size),
});

describe('shardCount', () => {
  const big = [input('sources', 100), input('observations', SHARD_MIN_BYTES)];
  const small = [input('sources', SHARD_MIN_BYTES * 2), input('observations', SHARD_MIN_BYTES - 1)];

  it('shards big observation files on four cores or more, one shard per two cores up to four', () => {
    expect(shardCount(big, {}, SHARD_MIN_CORES)).toBe(2);
    expect(shardCount(big, {}, 6)).toBe(3);
    expect(shardCount(big, {}, 16)).toBe(4);
    expect(shardCount(big, {}, SHARD_MIN_CORES - 1)).toBe(0);
    expect(shardCount(big, {}, 1)).toBe(0);
    expect(shardCount(small, {}, 8)).toBe(0);
  });

  it('does what NORMA_SHARDS says (0 or 1: never)', () => {
    expect(shardCount(small, { NORMA_SHARDS: '3' }, 1)).toBe(3);
    expect(shardCount(big, { NORMA_SHARDS: '1' }, 8)).toBe(0);
    expect(shardCount(big, { NORMA_SHARDS: '0' }, 8)).toBe(0);
    expect(shardCount(big, { NORMA_SHARDS: 'lots' }, 8)).toBe(0);
  });
});

describe('ShardPool (worker threads running the TypeScript sources)', () => {
  const pools: ShardPool[] = [];
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('gives the unsharded result, split by measure', async () => {
    const { inputs } = await readRawFolder(nodeFileSystem, path.join(ROOT, 'test/fixtures/basic/raw'));
    const clean = cleanData(ingest(inputs));
    const whole = reconcile({ ...clean, claims: [] });

    const pool = new ShardPool(2);
    pools.push(pool);
    const ingested = await pool.ingest(inputs);
    expect(ingested.flatMap((r) => r.parts.map((p) => p.n)).sort((a, b) => a - b)).toEqual(
      inputs.map((_, i) => i),
    );
    const cleaned = await pool.clean();
    expect(cleaned.reduce((n, r) => n + r.observations, 0)).toBe(clean.observations.length);
    expect(cleaned.flatMap((r) => r.rejects)).toEqual([]);
    // Each shard holds whole measures: no measure appears in two shards.
    const measuresOf = cleaned.map((r) => new Set(r.blocks.map((b) => b.measure_id)));
    for (const id of measuresOf[0] as Set<string>) expect(measuresOf[1]?.has(id)).toBe(false);
    const reconciled = await pool.reconcile();
    expect(reconciled.flatMap((r) => r.problems)).toEqual(whole.problems);
    expect(mergeByMeasure(reconciled.map((r) => r.rows))).toEqual(whole.reconciled);
  });

  it('fails a call, rather than hang, when a shard is asked out of order', async () => {
    const pool = new ShardPool(2);
    pools.push(pool);
    await expect(pool.clean()).rejects.toThrow(/before ingest/);
  });
});
