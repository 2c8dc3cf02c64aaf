import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { FileSystem, Logger } from '../../core/effects.ts';
import { sha256 } from '../../core/sha256.ts';
import { ENVIRONMENT_ERROR_CODES, NormaExit, type Paper } from '../../core/stage.ts';
import type { NormaConfig } from '../../core/types.ts';
import { commitMoves, journalPath, type Move } from '../../io/transaction.ts';
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
  /**
   * This build's other clean files (observations, claims, audit, rejects), carried in a new edition
   * beside reconciled.csv so that a reader has every figure the report was made from.
   */
  cleanFiles?: readonly { name: string; path: string }[];
  /**
   * data/clean's new files, already staged beside their targets: they are put in place in the same
   * commit as the published files (transaction.ts), so the two never disagree.
   */
  commitFirst?: readonly Move[];
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
  /** The bytes, or a file to copy (a clean file may be hundreds of MB: read one at a time). */
  data: Buffer | { file: string };
  temp?: string;
}

function publishFailure(error: unknown, step: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof NormaExit) return error;
  const what = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : `a file could not be written`;
  const message = `publishing failed while ${step}: ${what} (${(error as Error).message}); the last published report, its editions and the clean folder are untouched. Free space or fix permissions and rerun.`;
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
 * `<out>/.norma/tmp` (a full disk fails here, before anything published is touched), then commits
 * them with data/clean's new files (`commitFirst`) in one journal (transaction.ts): data/clean, the
 * edition folder (its manifest.json last, so a half edition is never taken for a whole one), the latest
 * report.html and report.pdf, then index.html, feed.xml and SHA256SUMS. Old editions are never deleted
 * or replaced.
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
    const files: { path: string; bytes: number; sha256: string }[] = [];
    const dir = `${EDITIONS_DIR}/${plan.id}`;
    const add = (name: string, data: Buffer) => {
      files.push({ path: name, bytes: data.length, sha256: sha256(data) });
      staged.push({ target: `${dir}/${name}`, data });
    };
    add('report.html', html);
    add('report.pdf', pdf);
    add('reconciled.csv', Buffer.from(opts.reconciledCsv, 'utf8'));
    for (const clean of opts.cleanFiles ?? []) {
      if (clean.name === 'reconciled.csv') continue;
      // Hashed here, copied when staged: only one clean file is in memory at a time.
      const data = await fs.readFile(clean.path).catch(() => null);
      if (!data) continue;
      files.push({ path: clean.name, bytes: data.length, sha256: sha256(data) });
      staged.push({ target: `${dir}/${clean.name}`, data: { file: clean.path } });
    }
    const manifest: EditionManifest = {
      edition: plan.id,
      sequence: plan.sequence,
      fingerprint: opts.fingerprint,
      date: isoSeconds(plan.date),
      paper: opts.paper,
      previousEdition: plan.previous?.id ?? null,
      changes: summariseChangeSet(changes),
      files,
    };
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
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
    for (const m of opts.commitFirst ?? []) await fs.remove(m.temp).catch(() => {});
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
      if (Buffer.isBuffer(s.data)) await fs.writeAtomic(temp, s.data);
      else await fs.copyAtomic(s.data.file, temp);
    }
  } catch (error) {
    await cleanUp();
    throw publishFailure(error, 'writing the files to publish');
  }

  // 2. The commit: data/clean's files, then the edition (its manifest last), then the latest files,
  // SHA256SUMS last — renamed in that order under one journal, which the next start finishes if a kill
  // stops it midway.
  const moves: Move[] = [
    ...(opts.commitFirst ?? []),
    ...staged.map((s) => ({ temp: s.temp!, target: inside(outDir, s.target) })),
  ];
  try {
    await commitMoves(fs, opts.workDir, moves);
  } catch (error) {
    // No journal: the commit point was never reached, and nothing published or clean was touched.
    if (!(await fs.exists(journalPath(opts.workDir)))) {
      await cleanUp();
      throw publishFailure(error, 'starting the commit');
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const message = `publishing stopped while putting its files in place (${(error as Error).message}); the next \`npm run report\` finishes it before anything else.`;
    if (code && ENVIRONMENT_ERROR_CODES.has(code)) throw new NormaExit(3, message);
    throw Object.assign(new Error(message), { cause: error });
  }
  const written = staged.map((s) => s.target);

  if (plan.isNew) logger.info(`publish: new edition ${plan.id} (${editionDir(outDir, plan.id)})`);
  else logger.debug(`publish: no new edition (${plan.reason})`);
  return {
    edition: plan.isNew || manifests.some((m) => m.edition === plan.id) ? plan.id : null,
    created: plan.isNew,
    reason: plan.reason,
    written,
  };
}
