// Rewrites the golden outputs of the basic fixture. Run it by hand, read the diff, commit it:
//   npx tsx test/e2e/update-golden.ts
// Tests never call this; a changed output fails until someone has looked at it.
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GOLDEN_DIR, htmlForGolden, pdfInfoForGolden, pdfTextForGolden } from './golden.ts';
import { runCli, workspace } from './run-cli.ts';

const ws = workspace('basic');
const r = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out]);
if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
for (const name of ['observations.csv', 'rejects.csv', 'reconciled.csv', 'claims.csv', 'audit.json']) {
  copyFileSync(path.join(ws.clean, name), path.join(GOLDEN_DIR, name));
}
writeFileSync(path.join(GOLDEN_DIR, 'report.html'), htmlForGolden(path.join(ws.out, 'report.html')));
writeFileSync(path.join(GOLDEN_DIR, 'report.txt'), pdfTextForGolden(path.join(ws.out, 'report.pdf')));
writeFileSync(path.join(GOLDEN_DIR, 'pdfinfo.txt'), pdfInfoForGolden(path.join(ws.out, 'report.pdf')));
rmSync(ws.dir, { recursive: true, force: true });
process.stdout.write(`updated ${GOLDEN_DIR}; review the diff before committing\n`);
