#!/usr/bin/env node
// One command for every golden set: `npm run golden` rewrites them all; read the diff before committing.
// Tests never write a golden file (CI runs vitest without -u); a changed output fails until someone looks.
//   test/fixtures/basic/expected  the whole pipeline on the basic fixture: clean files, HTML, PDF text, PDF info
//   test/reconcile/golden         the conflict fixture's reconcile outputs
//   test/report/golden            one chart of each kind and the report's heading outline (vitest file snapshots)
import { spawnSync } from 'node:child_process';

const steps = [
  ['npx', ['tsx', 'test/e2e/update-golden.ts']],
  ['npx', ['tsx', 'test/reconcile/update-golden.ts']],
  ['npx', ['vitest', 'run', '-u', 'test/report/charts.test.ts', 'test/report/html.test.ts']],
];
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
process.stdout.write('golden files rewritten: review `git diff test/` before committing.\n');
