import { writeSync } from 'node:fs';
import type { FileSystem } from '../core/effects.ts';
import { createNodeFileSystem, nodeFileSystem } from '../io/effects.ts';

/**
 * For the kill test only: `NORMA_TEST_KILL_AT_RENAME=N` kills the process (SIGKILL, as a power cut)
 * just before its Nth rename; `NORMA_TEST_TRACE_RENAMES=1` prints each rename to stderr, so the test
 * knows how many a build makes. Without either, the plain file system.
 */
export function fileSystemFor(env: NodeJS.ProcessEnv): FileSystem {
  const killAt = Number(env.NORMA_TEST_KILL_AT_RENAME ?? 0);
  const trace = env.NORMA_TEST_TRACE_RENAMES === '1';
  if (!(killAt > 0) && !trace) return nodeFileSystem;
  let count = 0;
  return createNodeFileSystem((_from, to) => {
    count++;
    if (trace) writeSync(2, `NORMA_RENAME ${count} ${to}\n`);
    if (count === killAt) process.kill(process.pid, 'SIGKILL');
  });
}
