import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_FILES } from '../../pipeline/run/runtime.ts';
import { expected, MEM, type MemoryRun, memoryRun } from './memory-run.ts';

describe('the data stages, in memory, each on the previous stage files', () => {
  let run: MemoryRun;
  beforeAll(async () => {
    run = await memoryRun();
  });
  const text = (file: string) => run.fs.files.get(path.resolve(file))?.toString('utf8');

  it('ingest reads the raw folder through the effects and writes ingest.json', async () => {
    const rt = run.runtime();
    const result = await run.stage('ingest').run(rt);
    expect(result.counts).toMatch(/^\d+ files, \d+ rows$/);
    const ingest = JSON.parse(text(rt.paths.ingest)!);
    expect(ingest.files.map((f: { path: string }) => f.path)).toContain('sources.csv');
  });

  it('clean reads ingest.json back and stages observations.csv and rejects.csv as the goldens have them', async () => {
    const rt = run.runtime();
    await run.stage('clean').run(rt);
    expect(text(rt.paths.stagedFile('observations.csv'))).toBe(expected('observations.csv'));
    expect(text(rt.paths.stagedFile('rejects.csv'))).toBe(expected('rejects.csv'));
  });

  it('reconcile reads clean.json back and stages reconciled.csv, claims.csv and audit.json', async () => {
    const rt = run.runtime();
    await run.stage('reconcile').run(rt);
    for (const name of ['reconciled.csv', 'claims.csv', 'audit.json'] as const)
      expect(text(rt.paths.stagedFile(name)), name).toBe(expected(name));
  });

  it('charts reads the clean and reconcile results back and writes charts.json', async () => {
    const rt = run.runtime();
    await run.stage('charts').run(rt);
    const charts = JSON.parse(text(rt.paths.charts)!) as { id: string; svg: string }[];
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(chart.svg).toMatch(/^<svg/);
  });

  it('touched no file outside the memory project', () => {
    const outside = [...run.fs.files.keys()].filter((f) => !f.startsWith(MEM + path.sep));
    expect(outside).toEqual([]);
    expect(CLEAN_FILES.every((n) => run.fs.files.has(run.runtime().paths.stagedFile(n)))).toBe(true);
  });
});
