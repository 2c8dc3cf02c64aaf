import { spawn } from 'node:child_process';
import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.ts';
import { knownFolders, redactPaths } from './preview/redact-paths.ts';
import { type PreviewState, startPreviewServer } from './preview/server.ts';

const ROOT = process.env.NORMA_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface PreviewOptions {
  port: number;
  /** Arguments passed on to each rebuild (`--raw`, `--clean`, `--out`, `--paper`, …). */
  reportArgs: string[];
  raw: string;
  clean: string;
  out: string;
  /** The project folder (its norma.config.json and report/ are watched too). */
  project: string;
  report: string;
  log: (line: string) => void;
}

export const PREVIEW_USAGE = `Usage: npm run preview -- [options]

Serves the report at http://127.0.0.1:PORT/ and rebuilds it (HTML only, no edition) whenever the raw
data, the templates, the config or the code change; the page reloads itself, and a failed rebuild
shows its errors over the last good report. Ctrl-C stops it.

Options (each as --flag value or --flag=value):
  --port N              the port to serve on (default 4173; 0 picks a free one)
  --raw DIR             raw data folder (default data/raw)
  --clean DIR           clean data folder (default data/clean)
  --out DIR             output folder (default reports)
  --allow-rejects       build even with rejected rows (the report lists them)
  --paper a4|letter     paper size the print CSS is set for (default a4)
  --force               ignore the cache on every rebuild
  --debug               stack traces and timings of internals
  --help                this text

Only loopback addresses are answered (127.0.0.1, localhost, [::1]).
Exit codes: 0 stopped; 2 usage error; 3 the port is in use or the server could not start.`;

/** Splits `--port N` off the report options. */
export function parsePreviewArgs(
  argv: readonly string[],
): { ok: true; options: PreviewOptions; help: boolean } | { ok: false; message: string } {
  let port = 4173;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice(7) : argv[++i];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        return { ok: false, message: `--port takes a port number (got "${value}").` };
      port = n;
    } else rest.push(arg);
  }
  const parsed = parseArgs(rest);
  if (!parsed.ok) return parsed;
  const { raw, clean, out, project, report, help } = parsed.options;
  // These belong to `npm run report` (every rebuild is HTML up to the html stage).
  for (const flag of ['--stage', '--to', '--formats', '--check', '--validate']) {
    if (rest.some((a) => a === flag || a.startsWith(`${flag}=`)))
      return { ok: false, message: `${flag} is an option of \`npm run report\`, not of preview.` };
  }
  return {
    ok: true,
    help,
    options: {
      port,
      reportArgs: rest,
      raw,
      clean,
      out,
      project,
      report,
      log: (l) => process.stdout.write(`${l}\n`),
    },
  };
}

/** One rebuild in a child process, so that edited code and templates are always the ones that run. */
function rebuild(options: PreviewOptions): Promise<{ ok: boolean; errors: string[] }> {
  return new Promise((resolve) => {
    // Each rebuild goes through the launcher, which rebundles edited code before running it.
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'scripts/norma.mjs'),
        'report',
        ...options.reportArgs,
        '--to',
        'html',
        '--formats',
        'html',
      ],
      {
        // The project's folders are relative to where preview was started, as for `norma report`.
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (line.trim()) options.log(`  ${line}`);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (code) => {
      const errors = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('warning:'));
      for (const line of errors) options.log(`  ${line}`);
      resolve({ ok: code === 0, errors: code === 0 ? [] : errors });
    });
  });
}

export async function runPreview(options: PreviewOptions): Promise<{ close(): Promise<void>; url: string }> {
  const reportFile = path.join(path.resolve(options.out), '.norma', 'report.html');
  let state: PreviewState = { version: 0, errors: [], building: true };
  let lastGood: string | null = null;
  // The errors are served (/state, /events): no absolute path of this machine goes with them.
  const folders = knownFolders(process.cwd(), [
    options.raw,
    options.clean,
    options.out,
    options.report,
    options.project,
  ]);
  // The build's advice names its own command line; in the preview the same option is preview's.
  const redact = (line: string) =>
    redactPaths(line, folders).replace(
      /rerun with --allow-rejects/g,
      'restart the preview with `npm run preview -- --allow-rejects`',
    );
  const server = await startPreviewServer({
    port: options.port,
    state: () => state,
    readReport: async () => lastGood,
  });
  let running: Promise<void> | null = null;
  let again = false;
  const build = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        state = { ...state, building: true };
        const t0 = Date.now();
        const result = await rebuild(options);
        if (result.ok) {
          lastGood = await readFile(reportFile, 'utf8').catch(() => lastGood);
          state = { version: state.version + 1, errors: [], building: false };
          options.log(`preview: rebuilt in ${Date.now() - t0} ms`);
        } else {
          state = { ...state, errors: result.errors.map(redact), building: false };
          options.log(`preview: rebuild failed (${result.errors.length} lines); the page shows them`);
        }
        server.publish(state);
      } while (again);
    })();
    await running;
    running = null;
  };
  await build();
  let timer: NodeJS.Timeout | null = null;
  const onChange = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void build(), 150);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of [
    path.resolve(options.raw),
    path.resolve(options.report),
    path.join(ROOT, 'templates'),
    path.join(ROOT, 'pipeline'),
  ]) {
    try {
      watchers.push(watch(dir, { recursive: true }, onChange));
    } catch {
      options.log(`preview: cannot watch ${dir}`);
    }
  }
  try {
    watchers.push(watch(path.resolve(options.project, 'norma.config.json'), onChange));
  } catch {
    options.log('preview: cannot watch norma.config.json');
  }
  options.log(`preview: serving ${server.url} (Ctrl-C to stop)`);
  return {
    url: server.url,
    async close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      await running;
      await server.close();
    },
  };
}

/** `npm run preview`: serve, watch, rebuild; Ctrl-C stops cleanly. */
export async function runFromCommandLine(argv: readonly string[]): Promise<void> {
  const parsed = parsePreviewArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(
      `norma preview: ${parsed.message}\nRun \`npm run preview -- --help\` for the options.\n`,
    );
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${PREVIEW_USAGE}\n`);
    return;
  }
  runPreview(parsed.options).then(
    (preview) => {
      const stop = () => {
        process.stdout.write('\npreview: stopping\n');
        preview.close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: NodeJS.ErrnoException) => {
      const message =
        error.code === 'EADDRINUSE'
          ? `port ${parsed.options.port} is in use; pass --port N.`
          : `could not start: ${error.message}`;
      process.stderr.write(`norma preview: ${message}\n`);
      process.exit(3);
    },
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runFromCommandLine(process.argv.slice(2));
}
