import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKFLOW = path.join(ROOT, '.github/workflows/report.yml');
const source = readFileSync(WORKFLOW, 'utf8');

/** The validator's errors as readable lines (nested one_of states flattened). */
function problems(src: string): string[] {
  const state = validateWorkflow(src);
  expect(state.actionType).toBe('workflow');
  return state.errors.map((e) => `${'path' in e ? e.path : ''} ${e.title}: ${e.detail ?? ''}`.trim());
}

describe('.github/workflows/report.yml', () => {
  it('is a valid GitHub Actions workflow', () => {
    expect(problems(source)).toEqual([]);
  });

  it('fails validation when broken (so this test would catch a broken file)', () => {
    expect(problems(source.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest'))).not.toEqual([]);
    expect(problems(source.replace(/^on:/m, 'trigger:'))).not.toEqual([]);
    expect(problems(source.replace('    steps:', '    stepz:'))).not.toEqual([]);
    expect(problems(source.replace("cron: '17 5 * * 1'", 'cron: [1, 2]'))).not.toEqual([]);
    expect(problems(`${source}\n  bad: [unclosed\n`)).not.toEqual([]);
  });

  it('runs on push to main, tags, a weekly schedule and by hand', () => {
    expect(source).toMatch(/^ {2}push:\n {4}branches: \[main\]\n {4}tags: \['v\*'\]/m);
    expect(source).toMatch(/^ {2}schedule:\n {4}- cron: '\d+ \d+ \* \* \d'/m);
    expect(source).toMatch(/^ {2}workflow_dispatch:/m);
  });

  it('installs from the distribution, caches npm, tests, checks, restores the site, builds and publishes, in order', () => {
    const order = [
      'node-version: 20',
      'cache: npm',
      'fonts-liberation',
      'poppler-utils',
      'PUPPETEER_EXECUTABLE_PATH=',
      'npm ci',
      'npm test',
      'npm run report -- --check',
      'ref: gh-pages',
      'run: npm run report\n',
      'actions/upload-artifact@',
      'reports/report.pdf',
      'HEAD:gh-pages',
      "startsWith(github.ref, 'refs/tags/v')",
      'gh release',
    ];
    let at = -1;
    for (const needle of order) {
      const next = source.indexOf(needle, at + 1);
      expect(next, needle).toBeGreaterThan(at);
      at = next;
    }
  });

  it('derives the site address from the repository before building (baseUrl empty in the config)', () => {
    const at = source.indexOf('NORMA_BASE_URL=');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(source.indexOf('run: npm run report\n'));
    // The step's own script, run as the runner would, for a project site and a user site.
    const step =
      /- name: Derive the site's address[^\n]*\n(?: {8}[^\n]*\n)*? {8}run: \|\n((?: {10}[^\n]*\n)+)/.exec(
        source,
      );
    expect(step).not.toBeNull();
    const script = step![1]!.replace(/^ {10}/gm, '');
    const derive = (repository: string) => {
      const env = path.join(mkdtempSync(path.join(tmpdir(), 'norma-gh-')), 'env');
      writeFileSync(env, '');
      execFileSync('bash', ['-e', '-c', script], {
        env: { ...process.env, GITHUB_REPOSITORY: repository, GITHUB_ENV: env },
      });
      return readFileSync(env, 'utf8').trim();
    };
    expect(derive('Norma-Editors/soviet-figures')).toBe(
      'NORMA_BASE_URL=https://norma-editors.github.io/soviet-figures/',
    );
    expect(derive('someone/Someone.github.io')).toBe('NORMA_BASE_URL=https://someone.github.io/');
  });

  it('never publishes the build work folder and never force-pushes', () => {
    expect(source).toContain('.norma/');
    expect(source).not.toMatch(/push[^\n]*(--force|-f\b)/);
  });
});
