#!/usr/bin/env node
// The command line's launcher. It runs the pipeline from an esbuild bundle of pipeline/*.ts, cached
// under node_modules/.cache/norma by the content hash of the sources, so that a run does not pay for
// compiling TypeScript at every start (tsx took ~0.6 s of a no-op rebuild). If esbuild is missing or
// fails, it falls back to tsx, which runs the same sources.
//   node scripts/norma.mjs report [options]    node scripts/norma.mjs preview [options]
//   node scripts/norma.mjs validate [options]  node scripts/norma.mjs new DIR
// Installed as a tool (package.json `bin`), the same file is the `norma` command: `npx norma report`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = {
  cli: 'pipeline/cli/cli.ts',
  preview: 'pipeline/cli/preview.ts',
  'new-project': 'pipeline/cli/scaffold/new-project.ts',
};
const COMMANDS = {
  report: { entry: 'cli', args: [] },
  validate: { entry: 'cli', args: ['--to', 'reconcile', '--validate'] },
  preview: { entry: 'preview', args: [] },
  new: { entry: 'new-project', args: [] },
};
const [command = 'report', ...rest] = process.argv.slice(2);
if (command === '--help' || command === 'help' || !Object.hasOwn(COMMANDS, command)) {
  const known = command === '--help' || command === 'help';
  (known ? process.stdout : process.stderr).write(
    `${known ? '' : `norma: unknown command "${command}".\n`}Usage: norma report|validate|preview [options], norma new DIR; norma report --help for the options.\n`,
  );
  process.exit(known ? 0 : 2);
}
const entry = COMMANDS[command].entry;
const args = [...COMMANDS[command].args, ...rest];
process.env.NORMA_ROOT = root;

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, name.name);
    if (name.isDirectory()) out.push(...sourceFiles(full));
    else if (name.name.endsWith('.ts') && !name.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

async function bundle() {
  const hash = createHash('sha256');
  for (const file of sourceFiles(path.join(root, 'pipeline'))) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  hash.update(
    existsSync(path.join(root, 'package-lock.json'))
      ? readFileSync(path.join(root, 'package-lock.json'))
      : '',
  );
  hash.update(process.version);
  const cache = path.join(root, 'node_modules', '.cache', 'norma');
  const digest = hash.digest('hex');
  // The runner's cache keys need the same hash of the code: it is handed over rather than computed twice.
  process.env.NORMA_CODE_HASH = digest;
  const dir = path.join(cache, digest.slice(0, 16));
  if (!existsSync(path.join(dir, 'cli.js'))) {
    const { build } = await import('esbuild');
    const temp = `${dir}.${process.pid}.tmp`;
    await build({
      entryPoints: {
        cli: path.join(root, SOURCES.cli),
        preview: path.join(root, SOURCES.preview),
        // Sharded runs start it as a worker thread, beside the chunk that loads it (shards/shard-pool.ts).
        'shard-worker': path.join(root, 'pipeline/run/shards/shard-worker.ts'),
        'new-project': path.join(root, SOURCES['new-project']),
      },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir: temp,
      logLevel: 'silent',
    });
    // A bundle appears whole or not at all. Bundles of other sources are dropped once they are an hour
    // old: a build that started with one may still be loading its chunks.
    mkdirSync(cache, { recursive: true });
    const hourAgo = Date.now() - 3_600_000;
    for (const old of readdirSync(cache)) {
      const full = path.join(cache, old);
      if (full !== dir && statSync(full).mtimeMs < hourAgo) rmSync(full, { recursive: true, force: true });
    }
    try {
      renameSync(temp, dir);
    } catch {
      rmSync(temp, { recursive: true, force: true }); // another run made it first
    }
  }
  return dir;
}

let dir;
try {
  dir = await bundle();
} catch {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [path.join(root, SOURCES[entry]), ...args], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const mod = await import(pathToFileURL(path.join(dir, `${entry}.js`)).href);
await mod.runFromCommandLine(args);
