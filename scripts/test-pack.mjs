#!/usr/bin/env node
// `npm run test:pack`: norma as an installed tool. Packs this repository, installs the tarball into a
// fresh folder with npm, offline, starts a project there with `npx norma new` and builds it with
// `npx norma report --project .` (HTML and PDF). About a minute, so it is not part of `npm test`.
//
// No network: npm installs with --offline. The dependencies are not fetched: the folder first gets
// hard links of this repository's node_modules (as a cache would hold them), and npm keeps those that
// satisfy norma's dependencies and removes the rest. What is tested is the package: its `bin`, its
// `files` list, and that the engine finds its templates, fonts and the user's project from anywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'norma-pack-'));
const keep = process.argv.includes('--keep');

function run(what, command, args, cwd, env = {}) {
  const t0 = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true', SOURCE_DATE_EPOCH: '1700000000', ...env },
  });
  const ms = Date.now() - t0;
  if (result.status !== 0) {
    process.stderr.write(
      `${result.stdout}\n${result.stderr}\ntest:pack: ${what} failed (exit ${result.status}).\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`ok  ${what} (${ms} ms)\n`);
  return result;
}

function check(what, ok) {
  if (!ok) {
    process.stderr.write(`test:pack: ${what}: no.\n`);
    process.exit(1);
  }
  process.stdout.write(`ok  ${what}\n`);
}

try {
  const packed = run('npm pack', 'npm', ['pack', '--json', '--pack-destination', work], root);
  const [info] = JSON.parse(packed.stdout);
  const tarball = path.join(work, info.filename);
  const files = info.files.map((f) => f.path);
  check(
    'the tarball holds the launcher, the engine, the templates and the example project',
    [
      'scripts/norma.mjs',
      'pipeline/cli/cli.ts',
      'templates/layout.hbs',
      'pipeline/cli/scaffold/project/report/index.md',
      'pipeline/cli/scaffold/project/gitignore',
      'pipeline/cli/scaffold/project/.github/workflows/report.yml',
    ].every((f) => files.includes(f)),
  );
  check(
    'and no tests, data or reports',
    !files.some((f) => /^(test|data|reports|bench)\//.test(f) || f.endsWith('.test.ts')),
  );

  const tool = path.join(work, 'tool');
  mkdirSync(tool);
  run(
    'copy the dependencies as hard links',
    'cp',
    ['-al', path.join(root, 'node_modules'), path.join(tool, 'node_modules')],
    work,
    {},
  );
  rmSync(path.join(tool, 'node_modules', '.package-lock.json'), { force: true });
  rmSync(path.join(tool, 'node_modules', '.cache'), { recursive: true, force: true });
  writeFileSync(path.join(tool, 'package.json'), '{ "private": true }\n');
  run(
    'npm install --offline the tarball',
    'npm',
    ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball],
    tool,
  );
  check('npm linked the norma command', existsSync(path.join(tool, 'node_modules', '.bin', 'norma')));

  run('npx norma new site', 'npx', ['--offline', 'norma', 'new', 'site'], tool);
  const site = path.join(tool, 'site');
  const help = run('npx norma report --help', 'npx', ['--offline', 'norma', 'report', '--help'], site);
  check('--help names --project', help.stdout.includes('--project DIR'));
  const built = run(
    'npx norma report --project .',
    'npx',
    ['--offline', 'norma', 'report', '--project', '.'],
    site,
  );
  process.stdout.write(`${built.stdout.trimEnd().replace(/^/gm, '    ')}\n`);
  for (const file of ['reports/report.html', 'reports/report.pdf', 'data/clean/reconciled.csv'])
    check(`built ${file}`, existsSync(path.join(site, file)));
  check(
    'the PDF is a PDF',
    readFileSync(path.join(site, 'reports/report.pdf')).subarray(0, 5).toString() === '%PDF-',
  );
  check(
    'the HTML embeds its fonts',
    readFileSync(path.join(site, 'reports/report.html'), 'utf8').includes('data:font/woff2'),
  );
  run(
    'npx norma validate --project site',
    'npx',
    ['--offline', 'norma', 'validate', '--project', 'site'],
    tool,
  );
  process.stdout.write('test:pack: the installed tool works.\n');
} finally {
  if (keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
