import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { findChromium } from '../pipeline/report/pdf/find-chromium.ts';
import { SHARD_MIN_CORES } from '../pipeline/run/shards/shard-pool.ts';
import { makeRaw } from './make-raw.ts';

/**
 * `npm run bench`: prints a table of figures and ratios and writes bench/results.json. Every figure is
 * the median of several runs; ratios are taken between figures measured in the same run, alternated,
 * because the machines are shared and noisy.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
/** The launcher users run (`npm run report`), bundled code and all. */
const NODE = process.execPath;
const LAUNCHER = [path.join(ROOT, 'scripts/norma.mjs'), 'report'];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const work = mkdtempSync(path.join(tmpdir(), 'norma-bench-'));

interface Timed {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
  maxRssKb: number | null;
}

function timed(cmd: string, args: string[], env: Record<string, string> = {}): Timed {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NORMA_BENCH: '1', SOURCE_DATE_EPOCH: '1700000000', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stats = /NORMA_STATS (.*)/.exec(r.stderr ?? '');
  return {
    ms,
    code: r.status ?? -1,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    maxRssKb: stats ? (JSON.parse(stats[1]!).maxRssKb as number) : null,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function cli(args: string[], env: Record<string, string> = {}): Timed {
  const r = timed(NODE, [...LAUNCHER, ...args], env);
  if (r.code !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`norma ${args.join(' ')} exited ${r.code}`);
  }
  return r;
}

/** Milliseconds a stage line reports (`charts  ran  9 charts  812 ms  (…)`). */
function stageMs(stdout: string, stage: string): number | null {
  const line = stdout.split('\n').find((l) => l.startsWith(stage));
  const m = line && /(\d+) ms/.exec(line);
  return m ? Number(m[1]) : null;
}

/** The same Chromium the pdf stage uses, so that the floor measures the same browser. */
async function chromium(): Promise<string> {
  const found = await findChromium();
  if (!found) throw new Error('no Chromium: run npm run setup');
  return found;
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  runs: RUNS,
  node: process.version,
  cores: availableParallelism(),
};
process.stdout.write(
  `norma bench: ${availableParallelism()} cores, Node ${process.version}, ${RUNS} runs each\n`,
);
const table: [string, string, string][] = [];
const row = (what: string, figure: string, ratio = '') => {
  table.push([what, figure, ratio]);
  process.stdout.write(`${what.padEnd(52)} ${figure.padStart(14)} ${ratio}\n`);
};

// 1 + 2: cold full build against the Chromium floor, alternated; then the no-op rebuild.
{
  const out = path.join(work, 'out');
  const clean = path.join(work, 'clean');
  const base = ['--out', out, '--clean', clean, '--allow-rejects'];
  const cold: number[] = [];
  const floor: number[] = [];
  const noop: number[] = [];
  const exe = await chromium();
  for (let i = 0; i < RUNS; i++) {
    cold.push(cli([...base, '--force']).ms);
    noop.push(cli(base).ms);
    const html = path.join(out, 'report.html');
    const f = timed('node', [
      path.join(ROOT, 'bench/floor-print.mjs'),
      html,
      path.join(work, 'floor.pdf'),
      exe,
    ]);
    if (f.code !== 0) throw new Error(`floor print failed: ${f.stderr}`);
    floor.push(f.ms);
  }
  const c = median(cold);
  const fl = median(floor);
  const n = median(noop);
  results.cold = { ms: c, floorMs: fl, ratio: c / fl, runs: cold, floorRuns: floor };
  results.noop = { ms: n, ratio: n / c, runs: noop };
  row(
    'cold full build (html + pdf, --force)',
    `${Math.round(c)} ms`,
    `${round(c / fl)} × Chromium floor (target ≤ 1.5)`,
  );
  row('Chromium floor (print the finished report.html)', `${Math.round(fl)} ms`);
  row('no-op rebuild', `${Math.round(n)} ms`, `${round(n / c)} × cold (target ≤ 0.15)`);

  // 3: HTML only, and the time per chart.
  const htmlOnly: number[] = [];
  const chartMs: number[] = [];
  let charts = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = cli([...base, '--formats', 'html', '--force']);
    htmlOnly.push(r.ms);
    const m = stageMs(r.stdout, 'charts');
    const count = /(\d+) charts?/.exec(r.stdout.split('\n').find((l) => l.startsWith('charts')) ?? '');
    charts = count ? Number(count[1]) : charts;
    if (m !== null) chartMs.push(m);
  }
  const h = median(htmlOnly);
  const perChart = charts && chartMs.length ? median(chartMs) / charts : null;
  results.htmlOnly = { ms: h, ratio: h / c, charts, perChartMs: perChart };
  row('HTML only (--formats html --force)', `${Math.round(h)} ms`, `${round(h / c)} × cold`);
  row(
    'time per chart (charts stage / charts)',
    perChart === null ? 'n/a' : `${round(perChart, 1)} ms`,
    `${charts} charts`,
  );

  // 5: peers on the same HTML, where installed.
  const html = path.join(out, 'report.html');
  const peers: Record<string, unknown> = {};
  for (const [name, args] of [
    ['weasyprint', [html, path.join(work, 'weasy.pdf')]],
    ['wkhtmltopdf', ['--quiet', '--enable-local-file-access', html, path.join(work, 'wk.pdf')]],
  ] as const) {
    if (spawnSync('which', [name]).status !== 0) {
      row(`peer: ${name}`, 'not installed');
      continue;
    }
    const times: number[] = [];
    let pages: string | null = null;
    for (let i = 0; i < RUNS; i++) times.push(timed(name, [...args]).ms);
    const info = spawnSync('pdfinfo', [args[args.length - 1]!], { encoding: 'utf8' });
    pages = /Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1] ?? null;
    peers[name] = { ms: median(times), pages };
    row(
      `peer: ${name} (same HTML)`,
      `${Math.round(median(times))} ms`,
      `${pages ?? '?'} pages; ${round(median(times) / fl)} × floor`,
    );
  }
  results.peers = peers;
  const ours = spawnSync('pdfinfo', [path.join(out, 'report.pdf')], { encoding: 'utf8' });
  row('our PDF', `${/Pages:\s+(\d+)/.exec(ours.stdout ?? '')?.[1] ?? '?'} pages`);
}

// 3b: a big collection with a minimal report: 1,000 measures, 10,000 rows, one paragraph of words. Every
// figure goes to the compact appendix (a line a row); the build is set against printing its own HTML.
{
  const dir = path.join(work, 'big');
  const raw = path.join(dir, 'raw');
  makeRaw(raw, 10_000, 1000);
  mkdirSync(path.join(dir, 'report'), { recursive: true });
  writeFileSync(
    path.join(dir, 'report', 'index.md'),
    '---\ntitle: A thousand measures\n---\n\n# Overview\n\nA synthetic collection; every figure is in the appendix.\n',
  );
  const args = ['--raw', raw, '--clean', path.join(dir, 'clean'), '--out', path.join(dir, 'out')];
  const base = [...args, '--report', path.join(dir, 'report'), '--allow-rejects', '--force'];
  const exe = await chromium();
  const builds: number[] = [];
  const floors: number[] = [];
  let pages = '?';
  for (let i = 0; i < Math.min(RUNS, 2); i++) {
    builds.push(cli(base).ms);
    const f = timed('node', [
      path.join(ROOT, 'bench/floor-print.mjs'),
      path.join(dir, 'out', 'report.html'),
      path.join(dir, 'floor.pdf'),
      exe,
    ]);
    if (f.code !== 0) throw new Error(`floor print failed: ${f.stderr}`);
    floors.push(f.ms);
  }
  const info = spawnSync('pdfinfo', [path.join(dir, 'out', 'report.pdf')], { encoding: 'utf8' });
  pages = /Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1] ?? pages;
  const b = median(builds);
  const fl = median(floors);
  results.bigCollection = { ms: b, floorMs: fl, ratio: b / fl, pages, runs: builds, floorRuns: floors };
  row(
    '1,000 measures / 10,000 rows, minimal report (html + pdf)',
    `${Math.round(b)} ms`,
    `${round(b / fl)} × its own print floor; ${pages} pages (target < 60 s)`,
  );
}

// 4: scale, ingest → clean → reconcile in one process, against papaparse alone.
{
  const scale: Record<string, unknown>[] = [];
  let previousPerRow: number | null = null;
  // The other way of running: two shards where the default is one thread (fewer than SHARD_MIN_CORES
  // cores), else one thread.
  const otherWay = availableParallelism() >= SHARD_MIN_CORES ? '0' : '2';
  for (const size of SIZES) {
    const raw = path.join(work, `raw-${size}`);
    makeRaw(raw, size);
    const runs = size >= 1_000_000 ? Math.min(RUNS, 2) : RUNS;
    const ours: number[] = [];
    const otherRuns: number[] = [];
    const floor: number[] = [];
    const writeFloor: number[] = [];
    let rss = 0;
    let rssOther = 0;
    const build = (env: Record<string, string>) =>
      cli(
        [
          '--raw',
          raw,
          '--clean',
          path.join(work, `scale-clean-${size}`),
          '--out',
          path.join(work, `scale-out-${size}`),
          '--to',
          'reconcile',
          '--force',
          '--allow-rejects',
        ],
        env,
      );
    for (let i = 0; i < runs; i++) {
      // As users run it, then the other way.
      const r = build({});
      ours.push(r.ms);
      rss = Math.max(rss, r.maxRssKb ?? 0);
      const alt = build({ NORMA_SHARDS: otherWay });
      otherRuns.push(alt.ms);
      rssOther = Math.max(rssOther, alt.maxRssKb ?? 0);
      const f = timed('node', [path.join(ROOT, 'bench/floor-parse.mjs'), raw]);
      floor.push(f.ms);
      // The outputs this run wrote, written again by the libraries alone (bench/floor-write.mjs).
      const w = timed('node', [
        path.join(ROOT, 'bench/floor-write.mjs'),
        path.join(work, `scale-clean-${size}`),
      ]);
      const stats = /NORMA_STATS (.*)/.exec(w.stderr)?.[1];
      if (w.code !== 0 || !stats) throw new Error(`bench/floor-write.mjs exited ${w.code}: ${w.stderr}`);
      writeFloor.push((JSON.parse(stats) as { ms: number }).ms);
    }
    const o = median(ours);
    const other = median(otherRuns);
    const f = median(floor);
    const wf = median(writeFloor);
    const perRow = (o * 1000) / size;
    const growth: number | null = previousPerRow ? perRow / previousPerRow : null;
    previousPerRow = perRow;
    scale.push({
      rows: size,
      ms: o,
      floorMs: f,
      ratio: o / f,
      writeFloorMs: wf,
      ratioToParseAndWrite: o / (f + wf),
      perRowUs: perRow,
      peakRssMb: rss / 1024,
      growth,
      otherWay: otherWay === '0' ? 'one thread' : 'two shards',
      otherWayMs: other,
      otherWayRatio: other / f,
      otherWayPeakRssMb: rssOther / 1024,
    });
    row(
      `scale ${size.toLocaleString('en-US')} rows (--to reconcile)`,
      `${Math.round(o)} ms`,
      `${round(o / f)} × papaparse floor (${Math.round(f)} ms); ${round(perRow, 2)} µs/row${growth ? `, ×${round(growth)} per row vs previous` : ''}; peak RSS ${Math.round(rss / 1024)} MB`,
    );
    row(
      '  write floor (Papa.unparse, JSON.stringify)',
      `${Math.round(wf)} ms`,
      `ours ${round(o / (f + wf))} × (parse floor + this write floor, ${Math.round(f + wf)} ms)`,
    );
    row(
      `  the same ${otherWay === '0' ? 'on one thread' : 'in two shards'} (NORMA_SHARDS=${otherWay})`,
      `${Math.round(other)} ms`,
      `${round(other / f)} × papaparse floor; ${round(other / o)} × the default; peak RSS ${Math.round(rssOther / 1024)} MB`,
    );
    rmSync(raw, { recursive: true, force: true });
  }
  results.scale = scale;
}

mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify({ ...results, table }, null, 2)}\n`);
process.stdout.write(`\nwrote bench/results.json (work folder ${work})\n`);
