// Manual timing, not a test: `npx tsx test/reconcile/bench-1m.ts [rows]` — 1000 measures, 50 sources.

import type { Kind, Measure, Observation } from '../../pipeline/core/types.ts';
import { KINDS } from '../../pipeline/core/types.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { claim, measure, priority, ratio, source } from './fixtures.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const sources = Array.from({ length: 50 }, (_, i) =>
  source(`s${String(i).padStart(2, '0')}`, KINDS[i % 7] as Kind),
);
const measures: Measure[] = [];
for (let i = 0; i < 1000; i++) {
  const id = `m${String(i).padStart(4, '0')}`;
  if (i % 10 === 9)
    measures.push(
      measure(id, {
        unit: 'multiple',
        method: ratio(`m${String(i - 1).padStart(4, '0')}`, `m${String(i - 2).padStart(4, '0')}`),
      }),
    );
  else if (i % 3 === 0) measures.push(measure(id, { method: priority('archival', 'scholarly') }));
  else measures.push(measure(id));
}
const observed = measures.filter((m) => m.method.type === 'median' || m.method.type === 'priority');
let seed = 42;
// mulberry32: a small, decent PRNG so the groups are filled evenly.
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const observations: Observation[] = new Array(rows);
for (let i = 0; i < rows; i++) {
  const m = observed[Math.floor(rand() * observed.length)] as Measure;
  const s = sources[Math.floor(rand() * sources.length)]?.source_id as string;
  const year = String(1920 + Math.floor(rand() * 20));
  const value = 100 + rand() * 20;
  const ranged = rand() < 0.2;
  observations[i] = {
    source_id: s,
    measure_id: m.measure_id,
    period_start: year,
    period_end: year,
    value,
    low: ranged ? value - 5 : value,
    high: ranged ? value + 5 : value,
    unit: 't',
    qualifier: ranged ? 'range' : 'exact',
    status: rand() < 0.1 ? 'unverified' : 'verified',
    page: '',
    raw: String(value),
    ref: `observations/${s}.csv:${i + 2}`,
    note: '',
  };
}
const claims = measures.slice(0, 200).map((m, i) => claim(`c${i}`, m.measure_id, 110, '1930'));
const c0 = process.cpuUsage();
const t0 = performance.now();
const r = reconcile({ sources, measures, observations, claims });
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
for (const p of r.problems.slice(0, 3)) console.log(p.message);
console.log(
  `${rows} observations → ${r.reconciled.length} rows, ${r.claims.length} claims, ${r.problems.length} problems in ${Math.round(ms)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`,
);
