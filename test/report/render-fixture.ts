// Writes the fixture's report to /tmp/norma-report.html to look at (npx tsx test/report/render-fixture.ts).
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplates, renderReport } from '../../pipeline/report/html/render-report.ts';
import { compileFixture } from './compile-fixture.ts';
import { buildFixture } from './fixture.ts';
import { fixtureMeta } from './fixture-meta.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.argv[2] ?? '/tmp/norma-report.html';
const started = performance.now();
const data = buildFixture();
const [templates, { report, charts }] = await Promise.all([loadTemplates(root), compileFixture(data)]);
const html = renderReport({
  templates,
  data,
  charts,
  report,
  meta: fixtureMeta(process.argv[3] === 'letter' ? 'letter' : 'a4'),
});
await writeFile(out, html);
console.log(
  `${out}: ${html.length} bytes, ${charts.length} charts, ${Math.round(performance.now() - started)} ms`,
);
