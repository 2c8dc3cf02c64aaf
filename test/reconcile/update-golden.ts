// Explicit only: `npx tsx test/reconcile/update-golden.ts` rewrites the golden files. Review the diff.
import { writeFileSync } from 'node:fs';
import { conflictFixture } from './fixtures.ts';
import { GOLDEN_DIR, goldenTexts } from './golden-output.ts';

for (const [name, text] of Object.entries(goldenTexts(conflictFixture()))) {
  writeFileSync(new URL(name, GOLDEN_DIR), text);
  console.log(`wrote test/reconcile/golden/${name}`);
}
