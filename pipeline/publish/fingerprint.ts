import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileSystem } from '../effects.ts';
import type { Paper } from '../stage.ts';

/** One thing the reader's report is made from: a path (relative, with `/`) and its bytes. */
export interface FingerprintInput {
  path: string;
  content: string | Uint8Array;
}

/** The code that decides what the reader sees (the publish code only lays out index and feed). */
export const RENDERING_CODE = [
  'pipeline/charts',
  'pipeline/html',
  'pipeline/report',
  'pipeline/pdf',
  'pipeline/format-number.ts',
];

/** Packages whose version changes the rendered bytes; their versions are part of the fingerprint. */
export const RENDERING_PACKAGES = [
  'vega',
  'vega-lite',
  'handlebars',
  'puppeteer',
  'pdf-lib',
  '@fontsource/source-serif-4',
  '@fontsource/pt-sans',
];

/**
 * Pure: the edition's identity, sha256 over every input (sorted by path, each framed by its path and
 * length so that moving bytes between files changes the hash) and the paper size. The build date and
 * the changes section are not inputs, so a rebuild of the same content has the same fingerprint.
 */
export function computeFingerprint(inputs: readonly FingerprintInput[], paper: Paper): string {
  const hash = createHash('sha256');
  hash.update(`norma-edition-v1\npaper ${paper}\n`);
  const sorted = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const input of sorted) {
    const bytes = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
    hash.update(`${input.path}\n${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The first 10 hex digits: the edition folder's name suffix. */
export const shortHash = (fingerprint: string): string => fingerprint.slice(0, 10);

async function walk(fs: FileSystem, dir: string): Promise<string[]> {
  const stat = await fs.stat(dir);
  if (!stat) return [];
  if (!stat.isDirectory) return [dir];
  const files: string[] = [];
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith('.') || name.endsWith('.test.ts')) continue;
    files.push(...(await walk(fs, path.join(dir, name))));
  }
  return files;
}

const rel = (from: string, file: string): string => path.relative(from, file).split(path.sep).join('/');

export interface FingerprintSources {
  /** Project root: templates/, package.json and the rendering code are found here. */
  root: string;
  /** The folder holding this build's clean files (data/clean, or the run's staged copy). */
  cleanDir: string;
  configText: string;
  paper: Paper;
  /** The report definition (index.md and chapters): its words are part of the edition. */
  reportDir?: string;
}

/** The edge: reads the clean data, templates, config, rendering code and package versions. */
export async function collectFingerprintInputs(
  fs: FileSystem,
  src: FingerprintSources,
): Promise<FingerprintInput[]> {
  const inputs: FingerprintInput[] = [{ path: 'norma.config.json', content: src.configText }];
  // Clean files by name only: the --clean folder's location must not change the edition.
  for (const file of await walk(fs, src.cleanDir)) {
    inputs.push({ path: `clean/${rel(src.cleanDir, file)}`, content: await fs.readFile(file) });
  }
  if (src.reportDir) {
    for (const file of await walk(fs, src.reportDir)) {
      inputs.push({ path: `report/${rel(src.reportDir, file)}`, content: await fs.readFile(file) });
    }
  }
  for (const part of ['templates', ...RENDERING_CODE]) {
    for (const file of await walk(fs, path.join(src.root, part))) {
      inputs.push({ path: rel(src.root, file), content: await fs.readFile(file) });
    }
  }
  try {
    const pkg = JSON.parse(await fs.readText(path.join(src.root, 'package.json'))) as {
      dependencies?: Record<string, string>;
    };
    const versions = RENDERING_PACKAGES.map((name) => `${name}@${pkg.dependencies?.[name] ?? ''}`).join('\n');
    inputs.push({ path: 'package.json#rendering', content: versions });
  } catch {
    // No package.json (a test's temp root): the files alone decide.
  }
  return inputs;
}

export async function fingerprintBuild(fs: FileSystem, src: FingerprintSources): Promise<string> {
  return computeFingerprint(await collectFingerprintInputs(fs, src), src.paper);
}
