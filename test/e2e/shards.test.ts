import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRaw } from '../../bench/make-raw.ts';
import { runCli, workspace } from './run-cli.ts';

// Big raw folders are split by measure over worker threads (pipeline/run/shards). Whatever the number of
// shards, the clean files, the console and the report must be those of one thread.

const stageLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => /^(ingest|clean|reconcile|charts|html)\s/.test(l))
    .map((l) => l.replace(/\s+\d+ ms\s+\(.*\)$/, ''));

const withoutDebug = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => !l.startsWith('debug: ') && !/still running/.test(l))
    .join('\n');

/** `--to reconcile` on `raw`, with rejects allowed and debug lines, in the given number of shards. */
const toReconcile = (raw: string, clean: string, out: string, shards: string) =>
  runCli(['--raw', raw, '--clean', clean, '--out', out, '--to', 'reconcile', '--allow-rejects', '--debug'], {
    NORMA_SHARDS: shards,
  });

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = readFileSync(path.join(dir, name), 'utf8');
  return out;
}

describe('sharded runs give what one thread gives', () => {
  const ws = workspace('basic');
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it('on a synthetic folder with rejects, derived measures and claims, in 2 and 3 shards', () => {
    const raw = path.join(ws.dir, 'synthetic');
    makeRaw(raw, 20_000, 120, 12, 7);
    appendFileSync(
      path.join(raw, 'measures.csv'),
      [
        'd-ratio,Ratio,multiple,"m-0 over m-8.",ratio:m-0/m-8,0.1',
        'd-cagr,Growth,percent_per_year,"From the multiple m-4.",cagr:m-4,0.1',
        'd-series,Series growth,percent_per_year,"m-1 from 1930 to 1940.",cagr:m-1@1930/1940,0.1',
        '',
      ].join('\n'),
    );
    appendFileSync(
      path.join(raw, 'claims.csv'),
      'c-2,d-ratio,3 times,1930,A ratio.\nc-3,m-9,40 million,1931,Another.\nc-4,m-50,5 Mt,,No period.\n',
    );
    const run = (shards: string) => {
      const clean = path.join(ws.dir, `clean-${shards}`);
      const result = toReconcile(raw, clean, path.join(ws.dir, `out-${shards}`), shards);
      const ingest = readFileSync(path.join(ws.dir, `out-${shards}`, '.norma/ingest.json'), 'utf8');
      const all: Record<string, string> = { ...files(clean), 'ingest.json (intermediate)': ingest };
      return { ...result, files: all };
    };
    const one = run('0');
    expect(one.code, one.stderr).toBe(0);
    expect(Object.keys(one.files)).toEqual([
      'audit.json',
      'claims.csv',
      'observations.csv',
      'reconciled.csv',
      'rejects.csv',
      'ingest.json (intermediate)',
    ]);
    expect(one.files['reconciled.csv']).toMatch(/^d-ratio,/m);
    for (const shards of ['2', '3']) {
      const split = run(shards);
      expect(split.code, split.stderr).toBe(0);
      // The shards did the work: no stage gave up and ran unsharded.
      expect(split.stderr).toMatch(/reconcile: shards worked/);
      expect(split.stderr).not.toMatch(/unsharded/);
      expect(stageLines(split.stdout)).toEqual(stageLines(one.stdout));
      // The same warnings (the derivations'), rejects and messages, in the same order.
      expect(withoutDebug(split.stderr).replaceAll(`clean-${shards}`, 'clean-0')).toBe(
        withoutDebug(one.stderr),
      );
      expect(withoutDebug(one.stderr)).toMatch(/^warning: .*d-cagr/m);
      for (const [name, text] of Object.entries(one.files))
        expect(split.files[name], `${name} in ${shards} shards`).toBe(text);
    }
  });

  it('and when a derivation fails, the one-thread reconcile reports it, as without shards', () => {
    const raw = path.join(ws.dir, 'failing');
    makeRaw(raw, 3_000, 40, 6, 3);
    appendFileSync(
      path.join(raw, 'measures.csv'),
      'd-bad,Bad,percent_per_year,"From 1990.",cagr:m-1@1990/1995,0.1\n',
    );
    const run = (shards: string) =>
      toReconcile(raw, path.join(ws.dir, `fc-${shards}`), path.join(ws.dir, `fo-${shards}`), shards);
    const one = run('0');
    const split = run('2');
    expect(one.code).toBe(1);
    expect(split.code).toBe(1);
    expect(split.stderr).toMatch(/reconcile: the shards found errors; running unsharded/);
    const said = (stderr: string, shards: string) =>
      withoutDebug(stderr)
        .split('\n')
        .filter((l) => !/^\s+at /.test(l))
        .join('\n')
        .replaceAll(`fc-${shards}`, 'fc')
        .replaceAll(`fo-${shards}`, 'fo');
    expect(said(split.stderr, '2')).toBe(said(one.stderr, '0'));
    expect(said(one.stderr, '0')).toMatch(/d-bad/);
  });

  it('and the report built on them is the same', () => {
    const build = (shards: string) => {
      const out = path.join(ws.dir, `report-${shards}`);
      const result = runCli(
        ['--raw', ws.raw, '--clean', path.join(ws.dir, `rc-${shards}`), '--out', out, '--formats', 'html'],
        { NORMA_SHARDS: shards },
      );
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(path.join(out, 'report.html'), 'utf8');
    };
    expect(build('2')).toBe(build('0'));
  });
});
