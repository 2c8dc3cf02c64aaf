import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { type FileSystem, type Logger, sha256 } from '../effects.ts';
import { ENVIRONMENT_ERROR_CODES, NormaExit, type Paper } from '../stage.ts';
import type { NormaConfig } from '../types.ts';
import { computeChanges, parseReconciledCsv, summariseChangeSet } from './changes.ts';
import { formatSha256Sums } from './checksums.ts';
import {
  EDITIONS_DIR,
  type EditionManifest,
  type EditionPlan,
  editionDir,
  isoSeconds,
  planEdition,
  readEditions,
} from './edition-store.ts';
import { renderFeed } from './render-feed.ts';
import { renderIndex } from './render-index.ts';

export { type EditionRecord, planEdition, readLastEdition } from './edition-store.ts';

export interface PublishOptions {
  fs: FileSystem;
  logger: Logger;
  /** reports/ (the published folder). */
  outDir: string;
  /** `<out>/.norma`: temp files are staged in its `tmp/` (same file system, so rename is atomic). */
  workDir: string;
  /** The finished `<out>/.norma/report.html`. */
  htmlPath: string;
  /** The finished `<out>/.norma/report.pdf`, or null for an HTML-only build (which makes no edition). */
  pdfPath: string | null;
  /** This build's reconciled.csv text (kept in the edition, compared by the next one). */
  reconciledCsv: string;
  fingerprint: string;
  /** The build date (the edition's date when a new edition is made). */
  date: Date;
  paper: Paper;
  config: NormaConfig;
}

export interface PublishResult {
  /** The edition the latest files belong to (null for an HTML-only build before any edition). */
  edition: string | null;
  created: boolean;
  reason: string;
  /** Published paths, relative to the output folder, in the order they were put in place. */
  written: string[];
}

interface Staged {
  /** Relative to outDir, with `/`. */
  target: string;
  data: Buffer;
  temp?: string;
}

function publishFailure(error: unknown, step: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof NormaExit) return error;
  const what = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : `a file could not be written`;
  const message = `publishing failed while ${step}: ${what} (${(error as Error).message}); the last published report and editions are untouched. Free space or fix permissions and rerun.`;
  if (code && ENVIRONMENT_ERROR_CODES.has(code)) return new NormaExit(3, message);
  return Object.assign(new Error(message), { cause: error });
}

/** Nothing outside the output folder is ever written, renamed or removed. */
function inside(outDir: string, relative: string): string {
  const full = path.resolve(outDir, relative);
  const rel = path.relative(path.resolve(outDir), full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`publish: refusing to touch ${full}, which is outside ${outDir}`);
  }
  return full;
}

async function readOptional(fs: FileSystem, file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

/**
 * The publish stage. Builds every file to publish, writes them all to temp names under
 * `<out>/.norma/tmp` (a full disk fails here, before anything published is touched), then renames them
 * into place: the edition folder first (its manifest.json last, so a half edition is never taken for a
 * whole one), then the latest report.html and report.pdf, then index.html, feed.xml and SHA256SUMS.
 * Old editions are never deleted or replaced.
 */
export async function publish(opts: PublishOptions): Promise<PublishResult> {
  const { fs, logger, outDir } = opts;
  const html = await fs.readFile(opts.htmlPath).catch(() => {
    throw new NormaExit(
      3,
      `publish: the rendered report ${opts.htmlPath} is missing; run the html stage first.`,
    );
  });
  const pdf = opts.pdfPath
    ? await fs.readFile(opts.pdfPath).catch(() => {
        throw new NormaExit(
          3,
          `publish: the PDF ${opts.pdfPath} is missing, so nothing new was published; run the pdf stage first.`,
        );
      })
    : null;

  const plan: EditionPlan = await planEdition(fs, outDir, opts.fingerprint, opts.date, pdf !== null, logger);
  const stored = await readEditions(fs, outDir);
  const staged: Staged[] = [];
  let manifests = stored.map((s) => s.manifest);
  const manifestBytes = new Map(stored.map((s) => [s.manifest.edition, s.manifestBytes]));

  if (plan.isNew && pdf) {
    const previousRows = plan.previous ? parseReconciledCsv(plan.previous.reconciledCsv) : null;
    const changes = computeChanges(
      previousRows,
      parseReconciledCsv(opts.reconciledCsv),
      plan.previous?.id ?? null,
    );
    const files = [
      { path: 'report.html', data: html },
      { path: 'report.pdf', data: pdf },
      { path: 'reconciled.csv', data: Buffer.from(opts.reconciledCsv, 'utf8') },
    ];
    const manifest: EditionManifest = {
      edition: plan.id,
      sequence: plan.sequence,
      fingerprint: opts.fingerprint,
      date: isoSeconds(plan.date),
      paper: opts.paper,
      previousEdition: plan.previous?.id ?? null,
      changes: summariseChangeSet(changes),
      files: files.map((f) => ({ path: f.path, bytes: f.data.length, sha256: sha256(f.data) })),
    };
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const dir = `${EDITIONS_DIR}/${plan.id}`;
    for (const f of files) staged.push({ target: `${dir}/${f.path}`, data: f.data });
    staged.push({ target: `${dir}/manifest.json`, data: bytes });
    manifests = [manifest, ...manifests];
    manifestBytes.set(plan.id, bytes);
  }

  staged.push({ target: 'report.html', data: html });
  if (pdf) staged.push({ target: 'report.pdf', data: pdf });
  const latestPdf = pdf ?? (await readOptional(fs, path.join(outDir, 'report.pdf')));
  const index = Buffer.from(renderIndex(manifests, opts.config, latestPdf !== null), 'utf8');
  const feed = Buffer.from(renderFeed(manifests, opts.config), 'utf8');
  staged.push({ target: 'index.html', data: index }, { target: 'feed.xml', data: feed });

  // Checksums of every published file; old editions' files from their manifests (their bytes never change).
  const sums: { path: string; sha256: string }[] = [];
  for (const m of manifests) {
    for (const f of m.files) sums.push({ path: `${EDITIONS_DIR}/${m.edition}/${f.path}`, sha256: f.sha256 });
    sums.push({
      path: `${EDITIONS_DIR}/${m.edition}/manifest.json`,
      sha256: sha256(manifestBytes.get(m.edition)!),
    });
  }
  sums.push({ path: 'report.html', sha256: sha256(html) });
  if (latestPdf) sums.push({ path: 'report.pdf', sha256: sha256(latestPdf) });
  sums.push({ path: 'index.html', sha256: sha256(index) }, { path: 'feed.xml', sha256: sha256(feed) });
  staged.push({ target: 'SHA256SUMS', data: Buffer.from(formatSha256Sums(sums), 'utf8') });

  const tmpDir = path.join(opts.workDir, 'tmp');
  const run = randomBytes(4).toString('hex');
  const cleanUp = async () => {
    for (const s of staged) if (s.temp) await fs.remove(s.temp).catch(() => {});
  };

  // 1. Stage: everything written before anything published is touched.
  try {
    await fs.mkdir(tmpDir);
    for (const [i, s] of staged.entries()) {
      const temp = path.join(
        tmpDir,
        `publish-${run}-${String(i).padStart(2, '0')}-${path.basename(s.target)}`,
      );
      s.temp = temp;
      await fs.writeAtomic(temp, s.data);
    }
  } catch (error) {
    await cleanUp();
    throw publishFailure(error, 'writing the files to publish');
  }

  // 2. Publish by rename, in order.
  const written: string[] = [];
  try {
    await fs.mkdir(outDir);
    if (plan.isNew) await fs.mkdir(inside(outDir, `${EDITIONS_DIR}/${plan.id}`));
    for (const s of staged) {
      await fs.rename(s.temp!, inside(outDir, s.target));
      s.temp = undefined;
      written.push(s.target);
    }
  } catch (error) {
    await cleanUp();
    throw publishFailure(error, `putting ${staged.find((s) => s.temp)?.target ?? 'a file'} in place`);
  }

  if (plan.isNew) logger.info(`publish: new edition ${plan.id} (${editionDir(outDir, plan.id)})`);
  else logger.debug(`publish: no new edition (${plan.reason})`);
  return {
    edition: plan.isNew || manifests.some((m) => m.edition === plan.id) ? plan.id : null,
    created: plan.isNew,
    reason: plan.reason,
    written,
  };
}
