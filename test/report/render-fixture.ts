// Writes the fixture's report to /tmp/norma-report.html to look at (npx tsx test/report/render-fixture.ts).
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCharts } from '../../pipeline/charts/charts.ts';
import { loadTemplates, renderReport } from '../../pipeline/html/render-report.ts';
import { buildFixture } from './fixture.ts';
import { fixtureMeta } from './fixture-meta.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.argv[2] ?? '/tmp/norma-report.html';
const started = performance.now();
const data = buildFixture();
const [templates, charts] = await Promise.all([loadTemplates(root), buildCharts(data)]);
const html = renderReport({
  templates,
  data,
  charts,
  meta: fixtureMeta(process.argv[3] === 'letter' ? 'letter' : 'a4'),
});
await writeFile(out, html);
console.log(
  `${out}: ${html.length} bytes, ${charts.length} charts, ${Math.round(performance.now() - started)} ms`,
);
