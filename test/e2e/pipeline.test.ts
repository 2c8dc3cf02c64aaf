import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlForGolden, pdfInfoForGolden, pdfTextForGolden } from './golden.ts';
import { CHROMIUM, ROOT, runCli, workspace } from './run-cli.ts';

const expected = (name: string) =>
  readFileSync(path.join(ROOT, 'test/fixtures/basic/expected', name), 'utf8');

describe.runIf(CHROMIUM)('the whole pipeline on the basic fixture', () => {
  const ws = workspace('basic');
  const args = ['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out];
  let first: ReturnType<typeof runCli>;
  beforeAll(() => {
    first = runCli(args);
  });
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it('builds and prints one line per stage', () => {
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.code).toBe(0);
    for (const stage of ['ingest', 'clean', 'reconcile', 'charts', 'html', 'pdf', 'publish']) {
      expect(first.stdout).toMatch(new RegExp(`^${stage}\\s+ran\\s.*\\d+ ms`, 'm'));
    }
  });

  it('writes the clean files of the contract (golden)', () => {
    for (const name of ['observations.csv', 'rejects.csv', 'reconciled.csv', 'claims.csv', 'audit.json']) {
      expect(readFileSync(path.join(ws.clean, name), 'utf8'), name).toBe(expected(name));
    }
  });

  it('renders the HTML, the PDF text and the PDF metadata of the golden files', () => {
    const hint = 'if the change is intended, run `npm run golden` and review the diff';
    expect(htmlForGolden(path.join(ws.out, 'report.html')), hint).toBe(expected('report.html'));
    expect(pdfTextForGolden(path.join(ws.out, 'report.pdf')), hint).toBe(expected('report.txt'));
    expect(pdfInfoForGolden(path.join(ws.out, 'report.pdf')), hint).toBe(expected('pdfinfo.txt'));
  });

  it('publishes the report, an edition, the index, the feed and checksums', () => {
    const files = readdirSync(ws.out).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'SHA256SUMS',
        'editions',
        'feed.xml',
        'index.html',
        'report.html',
        'report.pdf',
      ]),
    );
    const editions = readdirSync(path.join(ws.out, 'editions'));
    expect(editions).toHaveLength(1);
    expect(editions[0]).toMatch(/^2023-11-14-[0-9a-f]{10}$/);
    const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: ws.out, encoding: 'utf8' });
    expect(sums).toContain('report.pdf: OK');
  });

  it('prints a tagged A4 PDF with the report text', () => {
    const pdf = path.join(ws.out, 'report.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595.* x 841.* \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Norma and Reality');
    expect(text).toMatch(/Page 2 of \d+/);
    expect(text).toContain('102');
  });

  it('embeds every font and has a bookmark for every section heading of the HTML', async () => {
    const pdf = path.join(ws.out, 'report.pdf');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    const html = readFileSync(path.join(ws.out, 'report.html'), 'utf8');
    const sections = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
    const titles: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null) => {
      for (const item of items ?? []) {
        titles.push(item.title.replace(/\s+/g, ' ').trim());
        walk(item.items as { title: string; items: unknown[] }[]);
      }
    };
    walk((await doc.getOutline()) as { title: string; items: unknown[] }[] | null);
    await doc.destroy();
    expect(sections.length).toBeGreaterThan(3);
    for (const section of sections) expect(titles).toContain(section);
  });

  it('skips every stage when nothing changed, and says so', () => {
    const again = runCli(args);
    expect(again.code).toBe(0);
    for (const stage of ['ingest', 'clean', 'reconcile', 'charts', 'html', 'pdf', 'publish']) {
      expect(again.stdout).toMatch(new RegExp(`^${stage}\\s+skipped\\s.*\\(inputs unchanged\\)`, 'm'));
    }
    expect(readdirSync(path.join(ws.out, 'editions'))).toHaveLength(1);
  });

  it('--check passes on what it built and names the first differing line after a hand edit', () => {
    expect(runCli(['--raw', ws.raw, '--clean', ws.clean, '--check']).code).toBe(0);
    const file = path.join(ws.clean, 'reconciled.csv');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('2528146', '2528147'));
    const check = runCli(['--raw', ws.raw, '--clean', ws.clean, '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('reconciled.csv differs from what the raw data gives, first at line 2');
    writeFileSync(file, original);
  });

  it('makes a new edition when a figure changes, with the change listed', () => {
    const obs = path.join(ws.raw, 'observations/siegelbaum-1988.csv');
    writeFileSync(obs, readFileSync(obs, 'utf8').replace('102 t', '104 t'));
    const r = runCli(args, { SOURCE_DATE_EPOCH: '1700100000' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pdf\s+ran/m);
    expect(readdirSync(path.join(ws.out, 'editions'))).toHaveLength(2);
    const html = readFileSync(path.join(ws.out, 'report.html'), 'utf8');
    expect(html).toMatch(/What changed/);
  });
});

describe('exit codes', () => {
  it('--help exits 0 with the usage', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run report');
  });
  it('an unknown option is a usage error (2)', () => {
    const r = runCli(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option "--frobnicate"');
  });
  it('a missing raw folder is a usage error (2)', () => {
    const r = runCli(['--raw', '/nonexistent/raw', '--to', 'reconcile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not exist');
  });
  it('a bad directive is a data error (1) naming report/FILE:LINE, every one; a missing report folder a usage error (2)', () => {
    const ws = workspace('basic');
    const index = path.join(ws.dir, 'report', 'index.md');
    writeFileSync(
      index,
      `${readFileSync(index, 'utf8')}\n{{figure "no.such"}}\n\n{{chart "pie" measures="record.*" title="x"}}\n`,
    );
    const lines = readFileSync(index, 'utf8').split('\n').length;
    const r = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out, '--formats', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `report/index.md:${lines - 3}: unknown measure "no.such" (not in measures.csv).`,
    );
    expect(r.stderr).toContain(`report/index.md:${lines - 1}: unknown chart kind "pie"`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = runCli(['--raw', ws.raw, '--report', path.join(ws.dir, 'nowhere'), '--to', 'reconcile']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    rmSync(ws.dir, { recursive: true, force: true });
  });
  it('a broken link in the raw folder is a data error (1) naming it, and removing it builds', () => {
    const ws = workspace('basic');
    const link = path.join(ws.raw, 'observations/gone.csv');
    symlinkSync(path.join(ws.dir, 'nowhere.csv'), link);
    const run = () => runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out, '--to', 'reconcile']);
    const broken = run();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('observations/gone.csv could not be read: it is a broken link');
    // The same readable files as before: ingest must still run again, not keep the old problem.
    rmSync(link);
    expect(run().code).toBe(0);
    rmSync(ws.dir, { recursive: true, force: true });
  });
  it('a reject fails the build (1) but --allow-rejects builds; rejects.csv is written either way', () => {
    const ws = workspace('basic');
    const obs = path.join(ws.raw, 'observations/siegelbaum-1988.csv');
    writeFileSync(obs, `${readFileSync(obs, 'utf8')}record.stakhanov-tonnes,1935-08-31,5 milion t,,,,\n`);
    const failed = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out, '--to', 'reconcile']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('observations/siegelbaum-1988.csv:3');
    expect(failed.stderr).toContain('million');
    expect(readdirSync(ws.clean)).toEqual(['rejects.csv']);
    const allowed = runCli([
      '--raw',
      ws.raw,
      '--clean',
      ws.clean,
      '--out',
      ws.out,
      '--to',
      'reconcile',
      '--allow-rejects',
    ]);
    expect(allowed.code).toBe(0);
    expect(readFileSync(path.join(ws.clean, 'rejects.csv'), 'utf8')).toContain(
      'observations/siegelbaum-1988.csv:3',
    );
    rmSync(ws.dir, { recursive: true, force: true });
  });
  it('a lock held by a running build is an environment error (3) naming its pid', () => {
    const ws = workspace('basic');
    mkdirSync(path.join(ws.out, '.norma'), { recursive: true });
    const holder = { pid: process.pid, host: hostname(), started: '2026-01-01T00:00:00Z', token: 'x' };
    writeFileSync(path.join(ws.out, '.norma/lock'), JSON.stringify(holder));
    const r = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out, '--to', 'reconcile']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`pid ${process.pid}`);
    rmSync(ws.dir, { recursive: true, force: true });
  });
  it('no Chromium is an environment error (3), and nothing is published', () => {
    const ws = workspace('basic');
    const r = runCli(['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out], {
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Chromium/);
    expect(existsSync(path.join(ws.out, 'report.html'))).toBe(false);
    rmSync(ws.dir, { recursive: true, force: true });
  });
});

describe('--stage', () => {
  it('runs one stage on the previous stage’s files, and says what to run first when they are missing', () => {
    const ws = workspace('basic');
    const base = ['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out];
    const missing = runCli([...base, '--stage', 'reconcile']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('run `npm run report -- --to clean` first');
    expect(runCli([...base, '--to', 'clean']).code).toBe(0);
    const one = runCli([...base, '--stage', 'reconcile']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^reconcile\s+ran/m);
    expect(one.stdout).not.toMatch(/^(ingest|clean)\s/m);
    expect(readFileSync(path.join(ws.clean, 'reconciled.csv'), 'utf8')).toBe(expected('reconciled.csv'));
    rmSync(ws.dir, { recursive: true, force: true });
  });
});
