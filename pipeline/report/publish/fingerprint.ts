import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileSystem } from '../../core/effects.ts';
import type { Paper } from '../../core/stage.ts';

/** One thing the reader's report is made from: a path (relative, with `/`) and its bytes. */
export interface FingerprintInput {
  path: string;
  content: string | Uint8Array;
}

/**
 * The code that turns the finished HTML into the PDF. The HTML's own bytes stand for everything else
 * (data, labels, definitions, sources, report text, templates, charts, fonts, the HTML code): only what
 * happens after it needs naming. Hashed by content alone, so moving or renaming a file mints nothing.
 */
export const PRINT_CODE = ['pipeline/report/pdf'];

/** Packages whose version changes the PDF's bytes beyond the HTML's; their versions are inputs. */
export const PRINT_PACKAGES = ['puppeteer', 'pdf-lib'];

/**
 * Pure: the edition's identity, sha256 over every input (sorted by path, each framed by its path and
 * length so that moving bytes between files changes the hash) and the paper size. The build date and
 * the changes section are not inputs, so a rebuild of the same content has the same fingerprint.
 */
export function computeFingerprint(inputs: readonly FingerprintInput[], paper: Paper): string {
  const hash = createHash('sha256');
  hash.update(`norma-edition-v3\npaper ${paper}\n`);
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

// import … from '…'; export … from '…'; import '…';  (a declaration may span lines; none holds a `;`)
const IMPORT_DECLARATION =
  /^(?:import|export)\s[^;]*?\bfrom\s*'[^']*';[ \t]*\n?|^import\s*'[^']*';[ \t]*\n?/gm;

/**
 * Code as the fingerprint reads it: without its import declarations, which name other files by path. A
 * move rewrites and reorders them and changes nothing the code does, so it must not mint an edition.
 */
export function withoutImports(code: Uint8Array | string): string {
  const text = typeof code === 'string' ? code : Buffer.from(code).toString('utf8');
  return text.replace(IMPORT_DECLARATION, '').replace(/^\s+/, '');
}

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
  /** Project root: the print code and package.json are found here. */
  root: string;
  /** The folder holding this build's clean files (data/clean, or the run's staged copy). */
  cleanDir: string;
  /**
   * The report as the reader gets it, rendered without its edition line (date, edition id, changes):
   * builds are reproducible, so these bytes are the honest record of every label, definition, source,
   * chart and word the reader sees, whatever code or file produced them.
   */
  reportHtml: string | Uint8Array;
  configText: string;
  paper: Paper;
}

/** The edge: reads the clean data, the print code and the print packages' versions. */
export async function collectFingerprintInputs(
  fs: FileSystem,
  src: FingerprintSources,
): Promise<FingerprintInput[]> {
  const inputs: FingerprintInput[] = [
    { path: 'norma.config.json', content: src.configText },
    { path: 'report.html', content: src.reportHtml },
  ];
  // Clean files by name only: the --clean folder's location must not change the edition.
  for (const file of await walk(fs, src.cleanDir)) {
    inputs.push({ path: `clean/${rel(src.cleanDir, file)}`, content: await fs.readFile(file) });
  }
  for (const part of PRINT_CODE) {
    for (const file of await walk(fs, path.join(src.root, part))) {
      const content = withoutImports(await fs.readFile(file));
      inputs.push({ path: `print-code/${createHash('sha256').update(content).digest('hex')}`, content });
    }
  }
  try {
    const pkg = JSON.parse(await fs.readText(path.join(src.root, 'package.json'))) as {
      dependencies?: Record<string, string>;
    };
    const versions = PRINT_PACKAGES.map((name) => `${name}@${pkg.dependencies?.[name] ?? ''}`).join('\n');
    inputs.push({ path: 'package.json#print', content: versions });
  } catch {
    // No package.json (a test's temp root): the files alone decide.
  }
  return inputs;
}

export async function fingerprintBuild(fs: FileSystem, src: FingerprintSources): Promise<string> {
  return computeFingerprint(await collectFingerprintInputs(fs, src), src.paper);
}
