// The scale floor: one Node process that only parses the same raw files with papaparse.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';

const dir = process.argv[2];
let rows = 0;
const files = [
  'sources.csv',
  'measures.csv',
  'claims.csv',
  ...readdirSync(path.join(dir, 'observations')).map((f) => `observations/${f}`),
];
for (const f of files) {
  const parsed = Papa.parse(readFileSync(path.join(dir, f), 'utf8'), {
    header: false,
    skipEmptyLines: true,
    comments: '#',
  });
  rows += parsed.data.length;
}
process.stderr.write(`NORMA_STATS ${JSON.stringify({ rows, maxRssKb: process.resourceUsage().maxRSS })}\n`);
