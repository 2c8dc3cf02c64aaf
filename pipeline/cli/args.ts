import * as path from 'node:path';
import type { Options } from '../core/options.ts';
import type { Format } from '../core/stage.ts';
import { STAGES, type StageName } from '../core/types.ts';

export type ParsedArgs = { ok: true; options: Options } | { ok: false; message: string };

export const USAGE = `Usage: npm run report -- [options]

Builds the report from the raw figures: ingest → clean → reconcile → charts → html → pdf → publish.

Options (each as --flag value or --flag=value):
  --project DIR         the project folder (default .); the folders below default to its parts
  --raw DIR             raw data folder (default DIR/data/raw)
  --clean DIR           clean data folder, committed (default DIR/data/clean)
  --report DIR          the report's words: index.md and chapters (default DIR/report)
  --out DIR             output folder for the reports (default DIR/reports)
  --formats html,pdf    what to render (default both); html alone makes no edition
  --stage NAME          run one stage on the previous stage's files
  --to NAME             run every stage up to NAME
  --force               ignore the cache
  --check               build nothing; exit 1 if data/clean is not what the raw data gives
  --allow-rejects       build even with rejected rows (the report lists them)
  --paper a4|letter     PDF paper size (default a4)
  --debug               stack traces and timings of internals
  --help                this text

Stages: ${STAGES.join(', ')}
Exit codes: 0 built; 1 data error; 2 usage error; 3 environment error (no Chromium, lock held, disk full).`;

const VALUE_FLAGS = new Set(['project', 'raw', 'clean', 'report', 'out', 'formats', 'stage', 'to', 'paper']);
const BOOLEAN_FLAGS = new Set(['force', 'check', 'allow-rejects', 'debug', 'help', 'validate']);

/** Where each folder of a project lives inside it (the config is `norma.config.json` beside them). */
export const PROJECT_PARTS = [
  ['raw', 'data/raw'],
  ['clean', 'data/clean'],
  ['report', 'report'],
  ['out', 'reports'],
] as const;

function isStage(name: string): name is StageName {
  return (STAGES as readonly string[]).includes(name);
}

/** Pure: argv (without node and script) → options, or a sentence saying what is wrong. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: Options = {
    project: '.',
    raw: '',
    clean: '',
    report: '',
    out: '',
    formats: ['html', 'pdf'],
    stage: null,
    to: null,
    force: false,
    check: false,
    allowRejects: false,
    paper: 'a4',
    debug: false,
    help: false,
    validate: false,
  };
  const fail = (message: string): ParsedArgs => ({ ok: false, message });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) return fail(`unexpected argument "${arg}"; options start with --.`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string | undefined;
    if (VALUE_FLAGS.has(name)) {
      value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
        return fail(`--${name} needs a value.`);
      }
    } else if (BOOLEAN_FLAGS.has(name)) {
      if (eq >= 0) return fail(`--${name} takes no value.`);
    } else {
      return fail(`unknown option "--${name}".`);
    }
    switch (name) {
      case 'project':
      case 'raw':
      case 'clean':
      case 'report':
      case 'out':
        options[name] = value!;
        break;
      case 'formats': {
        const formats = value!.split(',').map((f) => f.trim().toLowerCase());
        const bad = formats.filter((f) => f !== 'html' && f !== 'pdf');
        if (bad.length > 0 || formats.length === 0)
          return fail(`--formats takes html, pdf or html,pdf (got "${value}").`);
        options.formats = [...new Set(formats)].sort() as Format[];
        break;
      }
      case 'stage':
      case 'to':
        if (!isStage(value!)) return fail(`--${name} takes one of ${STAGES.join(', ')} (got "${value}").`);
        options[name] = value;
        break;
      case 'paper':
        if (value !== 'a4' && value !== 'letter') return fail(`--paper takes a4 or letter (got "${value}").`);
        options.paper = value;
        break;
      case 'force':
        options.force = true;
        break;
      case 'check':
        options.check = true;
        break;
      case 'allow-rejects':
        options.allowRejects = true;
        break;
      case 'debug':
        options.debug = true;
        break;
      case 'help':
        options.help = true;
        break;
      case 'validate':
        options.validate = true;
        break;
    }
  }
  // Each folder not given is the project's part; `.` keeps today's relative defaults (data/raw, …).
  for (const [name, part] of PROJECT_PARTS)
    if (options[name] === '') options[name] = path.join(options.project, part);
  if (options.stage && options.to) return fail('--stage and --to cannot be used together.');
  if (options.check && (options.stage || options.to))
    return fail('--check runs the data stages itself; drop --stage/--to.');
  return { ok: true, options };
}

/**
 * The folders that must not overlap (folders/folder-overlap.ts), as option and path given. A new folder
 * option adds its line here.
 */
export function folderOptions(options: Options): { option: string; given: string }[] {
  return [
    { option: '--raw', given: options.raw },
    { option: '--clean', given: options.clean },
    { option: '--out', given: options.out },
    { option: '--report', given: options.report },
  ];
}
