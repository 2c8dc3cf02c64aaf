import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { newProject, readExample } from '../../pipeline/cli/scaffold/new-project.ts';
import { cleanData } from '../../pipeline/data/clean/clean.ts';
import { ingest } from '../../pipeline/data/ingest/ingest.ts';
import { kindOfPath } from '../../pipeline/data/ingest/schema.ts';
import { nodeFileSystem } from '../../pipeline/io/effects.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'pipeline/cli/scaffold/project');
const example = await readExample(nodeFileSystem, EXAMPLE);
const text = (p: string) => Buffer.from(example.find((f) => f.path === p)!.bytes).toString('utf8');
const temp = () => mkdtempSync(path.join(tmpdir(), 'norma-new-'));

describe('the example project', () => {
  it('has the parts of a project, the .gitignore under its real name', () => {
    const paths = example.map((f) => f.path);
    for (const p of [
      'norma.config.json',
      'report/index.md',
      '.github/workflows/report.yml',
      '.gitignore',
      'data/raw/sources.csv',
      'data/raw/sources.bib',
      'data/raw/measures.csv',
      'data/raw/units.csv',
      'data/raw/claims.csv',
      'data/raw/essay.txt',
    ])
      expect(paths).toContain(p);
    expect(paths.some((p) => p.startsWith('data/raw/observations/'))).toBe(true);
    expect(paths).not.toContain('gitignore');
  });

  it('has a report/index.md that uses every directive', () => {
    const index = text('report/index.md');
    const front = /^---\n([\s\S]*?)\n---\n/.exec(index)?.[1] ?? '';
    expect(parseYaml(front)).toMatchObject({
      title: expect.any(String),
      language: 'en',
      essay: { title: expect.any(String), author: expect.any(String), year: '2025' },
    });
    for (const directive of [
      /\{\{figure "[^"]+" period="[^"]+"\}\}/,
      /\{\{chart "forest" measures="[^"]+" title="[^"]+"\}\}/,
      /\{\{chart "series" measures="[^"]+" title="[^"]+"\}\}/,
      /\{\{chart "bars" measures="[^"]+" period="[^"]+" title="[^"]+"\}\}/,
      /\{\{table measures="[^"]*\*"\}\}/,
      ...['claims', 'methods', 'flagged', 'rejects', 'changes', 'sources'].map(
        (d) => new RegExp(`\\{\\{${d}\\}\\}`),
      ),
    ])
      expect(index).toMatch(directive);
  });

  it('cleans without a fatal problem or a reject, using units.csv and sources.bib', () => {
    const inputs = example
      .filter((f) => f.path.startsWith('data/raw/'))
      .map((f) => ({ rel: f.path.slice('data/raw/'.length), bytes: f.bytes }))
      .flatMap(({ rel, bytes }) => {
        const kind = kindOfPath(rel);
        return kind ? [{ path: rel, kind, bytes }] : [];
      });
    const ingested = ingest(inputs);
    const result = cleanData(ingested);
    const serious = [...ingested.problems, ...result.problems].filter((p) => p.kind !== 'warning');
    expect(serious).toEqual([]);
    expect(result.rejects).toEqual([]);
    expect(new Set(result.observations.map((o) => o.unit))).toContain('bushels');
    expect(result.observations.map((o) => o.source_id)).toContain('hale-1955');
  });

  it('has a valid GitHub workflow that builds the project with the engine', () => {
    const workflow = text('.github/workflows/report.yml');
    const state = validateWorkflow(workflow);
    expect(state.errors).toEqual([]);
    expect(validateWorkflow(workflow.replace('runs-on:', 'runs_on:')).errors).not.toEqual([]);
    expect(workflow).toContain('norma.mjs report --project . --check');
    expect(workflow).toContain('norma.mjs report --project .\n');
  });
});

describe('newProject', () => {
  it('writes the example into a new folder, making its parents', async () => {
    const dir = path.join(temp(), 'a', 'b');
    const result = await newProject(nodeFileSystem, example, dir, 'b');
    expect(result).toEqual({ ok: true, files: example.map((f) => f.path) });
    expect(readFileSync(path.join(dir, 'report/index.md'), 'utf8')).toBe(text('report/index.md'));
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('reports/');
  });

  it('writes into an empty folder', async () => {
    const dir = temp();
    expect((await newProject(nodeFileSystem, example, dir, 'x')).ok).toBe(true);
  });

  it('refuses a folder that is not empty, or a file, and changes nothing (exit 2)', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'norma.config.json'), 'mine');
    const result = await newProject(nodeFileSystem, example, dir, 'mine');
    expect(result).toMatchObject({ ok: false, exitCode: 2 });
    expect(readFileSync(path.join(dir, 'norma.config.json'), 'utf8')).toBe('mine');
    expect(await nodeFileSystem.readdir(dir)).toEqual(['norma.config.json']);
    const file = path.join(temp(), 'f');
    writeFileSync(file, 'x');
    expect(await newProject(nodeFileSystem, example, file, 'f')).toMatchObject({ ok: false, exitCode: 2 });
    // No temp folder is left beside the refused target.
    expect(await nodeFileSystem.readdir(path.dirname(file))).toEqual(['f']);
  });

  it('never overwrites a file that appears while it writes', async () => {
    const dir = temp();
    let once = false;
    const racing = {
      ...nodeFileSystem,
      async writeAtomic(file: string, data: string | Uint8Array) {
        if (!once) {
          once = true;
          mkdirSync(path.join(dir, 'report'), { recursive: true });
          writeFileSync(path.join(dir, 'report/index.md'), 'theirs');
        }
        await nodeFileSystem.writeAtomic(file, data);
      },
    };
    const result = await newProject(racing, example, dir, 'd');
    expect(result).toMatchObject({ ok: false, exitCode: 2 });
    expect(readFileSync(path.join(dir, 'report/index.md'), 'utf8')).toBe('theirs');
    const beside = await nodeFileSystem.readdir(path.dirname(dir));
    expect(beside.filter((n) => n.startsWith(`.${path.basename(dir)}.norma-new`))).toEqual([]);
  });
});

describe('npm run new, then --project', () => {
  it('scaffolds with the command line and the project passes validate; a second run refuses (exit 2)', () => {
    const dir = path.join(temp(), 'subject');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts/norma.mjs'), ...args], {
        cwd: path.dirname(dir),
        encoding: 'utf8',
        env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
      });
    const first = run(['new', 'subject']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Started a project in subject');
    const again = run(['new', 'subject']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('is not empty');
    expect(run(['new']).status).toBe(2);
    // Relative to where the command runs, as an installed `norma` would be.
    const validate = run(['validate', '--project', 'subject']);
    expect(validate.stderr.split('\n').filter((l) => l && !l.startsWith('warning:'))).toEqual([]);
    expect(validate.status).toBe(0);
    expect(validate.stdout).toContain('Rejects: none');
    expect(readFileSync(path.join(dir, 'data/clean/reconciled.csv'), 'utf8')).toContain(
      'harvest.wheat,1870,1870',
    );
    expect(run(['report', '--project', 'missing', '--to', 'ingest']).status).toBe(2);
  });
});

describe('the example project builds as it is', () => {
  it('npm run new, then npm run report -- --project DIR: HTML and PDF', async () => {
    const dir = path.join(temp(), 'example');
    expect((await newProject(nodeFileSystem, example, dir, 'example')).ok).toBe(true);
    const build = () =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts/norma.mjs'), 'report', '--project', 'example'], {
        cwd: path.dirname(dir),
        encoding: 'utf8',
        env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
        timeout: 240_000,
      });
    // Warnings and the progress lines of a slow stage are not errors.
    const errors = (stderr: string) =>
      stderr
        .split('\n')
        .filter((l) => l && !l.startsWith('warning:') && !/ still running \(\d+ s\)$/.test(l));
    const result = build();
    expect(errors(result.stderr)).toEqual([]);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'reports/report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const html = readFileSync(path.join(dir, 'reports/report.html'), 'utf8');
    expect(html).toContain('Eastbrook');
    expect(html).toContain('Hale');
    // Its three charts (series, forest, bars), and the unit units.csv adds, printed by its label.
    for (const kind of ['series', 'forest', 'bars'])
      expect(html).toContain(`<figure class="chart" id="figure-${kind}-`);
    expect(html).toContain('bushels');
  }, 300_000);
});
