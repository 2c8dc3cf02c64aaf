// The stages' side of sharding (shards/shard-pool.ts): asking the shards for a step, and letting them go.
import type { Runtime } from '../runtime.ts';

/** The shards' replies to one step, or null (and a --debug line) when a shard failed. */
export async function askShards<T>(rt: Runtime, step: string, ask: () => Promise<T[]>): Promise<T[] | null> {
  try {
    const replies = await ask();
    rt.logger.debug(`${step}: shards worked ${rt.state.shards?.lastMs.join(', ')} ms`);
    return replies;
  } catch (error) {
    rt.logger.debug(`${step}: sharding failed, running unsharded: ${String(error)}`);
    return null;
  }
}

/** Stops the shards' workers, if any (the run is over, or the next stage cannot use them). */
export async function closeShards(rt: Runtime): Promise<void> {
  const pool = rt.state.shards;
  rt.state.shards = undefined;
  await pool?.close();
}
