// A second floor for the scale test: what the project's own libraries take to write the two big outputs
// of a clean folder from fresh rows, Papa.unparse for observations.csv and JSON.stringify for audit.json.
// The parse floor reads the raw files and writes nothing; a run --to reconcile must also write these.
// Reading the files back is not timed. Prints NORMA_STATS {"csvMs", "jsonMs", "ms", "bytes", "maxRssKb"}.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Papa from 'papaparse';

const dir = process.argv[2];
const parsed = Papa.parse(readFileSync(path.join(dir, 'observations.csv'), 'utf8'), {
  header: true,
  skipEmptyLines: true,
});
const audit = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8'));
const out = mkdtempSync(path.join(tmpdir(), 'norma-floor-write-'));

/** Writes `count` items in slices (one string of a whole file this size would not fit in V8). */
function timedWrite(name, count, slice) {
  const start = process.hrtime.bigint();
  const fd = openSync(path.join(out, name), 'w');
  let bytes = 0;
  for (let i = 0; i < count; i += 10_000) bytes += writeSync(fd, slice(i, Math.min(count, i + 10_000)));
  closeSync(fd);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, bytes };
}

const columns = parsed.meta.fields;
const rows = parsed.data;
const csv = timedWrite(
  'observations.csv',
  rows.length,
  (i, j) => `${Papa.unparse(rows.slice(i, j), { columns, header: i === 0, newline: '\n' })}\n`,
);
const json = timedWrite('audit.json', audit.length, (i, j) => {
  const text = JSON.stringify(audit.slice(i, j));
  return `${i === 0 ? '[' : ','}${text.slice(1, -1)}${j === audit.length ? ']\n' : ''}`;
});
rmSync(out, { recursive: true, force: true });
const stats = {
  csvMs: csv.ms,
  jsonMs: json.ms,
  ms: csv.ms + json.ms,
  bytes: csv.bytes + json.bytes,
  maxRssKb: process.resourceUsage().maxRSS,
};
process.stderr.write(`NORMA_STATS ${JSON.stringify(stats)}\n`);
