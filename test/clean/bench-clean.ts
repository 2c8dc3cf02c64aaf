// Quick throughput check for cleanData (not a test): `npx tsx test/clean/bench-clean.ts [rows]`.

import type { IngestResult, RawFile, RawRecord } from '../../pipeline/core/types.ts';
import { cleanData } from '../../pipeline/data/clean/clean.ts';

const rows = Number(process.argv[2] ?? 200_000);
const perFile = 10_000;
const values = [
  '102',
  '2,528,146',
  'approx. 11 million',
  '5.5–6.5 million',
  '17.7',
  '+63 %',
  '1933',
  '~2.53 m',
];
const files: RawFile[] = [
  {
    path: 'sources.csv',
    kind: 'sources',
    columns: [],
    records: [] as RawRecord[],
  },
  {
    path: 'measures.csv',
    kind: 'measures',
    columns: [],
    records: [
      {
        ref: 'measures.csv:2',
        line: 2,
        cells: { measure_id: 'm.persons', label: 'x', unit: 'persons', definition: 'd' },
      },
      {
        ref: 'measures.csv:3',
        line: 3,
        cells: { measure_id: 'm.mt', label: 'x', unit: 'Mt', definition: 'd' },
      },
    ],
  },
];
for (let f = 0; f * perFile < rows; f++) {
  const id = `src-${f}`;
  files[0]!.records.push({
    ref: `sources.csv:${f + 2}`,
    line: f + 2,
    cells: { source_id: id, author: 'a', title: 't', year: '1991', kind: 'scholarly' },
  });
  const records: RawRecord[] = [];
  for (let i = 0; i < perFile && f * perFile + i < rows; i++) {
    const n = f * perFile + i;
    const plain = n % 4 !== 0;
    records.push({
      ref: `observations/${id}.csv:${i + 2}`,
      line: i + 2,
      cells: {
        measure_id: plain ? 'm.persons' : 'm.persons',
        period: String(1900 + (n % 60)),
        value: plain
          ? String(n)
          : values[n % values.length] === '17.7'
            ? `${n} persons`
            : `about ${n % 997} thousand`,
      },
    });
  }
  files.push({ path: `observations/${id}.csv`, kind: 'observations', columns: [], records });
}
const ingest: IngestResult = { files, problems: [] };
const t0 = performance.now();
const result = cleanData(ingest);
const ms = performance.now() - t0;
console.log(
  `${rows} rows in ${ms.toFixed(0)} ms = ${Math.round(rows / (ms / 1000))} rows/s; ${result.observations.length} observations, ${result.rejects.length} rejects, ${result.problems.filter((p) => p.kind === 'fatal').length} fatal`,
);
