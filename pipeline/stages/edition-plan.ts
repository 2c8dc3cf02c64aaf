import * as path from 'node:path';
import type { ReportMeta } from '../report/html/view-types.ts';
import { hashParts, hashTree } from '../run/cache.ts';
import type { EditionPlanState, Runtime } from '../run/runtime.ts';

/** The edition line of a report rendered only to be fingerprinted: none of it is the content. */
export function unplannedMeta(paper: ReportMeta['paper']): ReportMeta {
  return { date: '', edition: '', fingerprint: '', changes: null, paper };
}

/**
 * The html stage's cache inputs. The content is keyed by the stages before it, the templates, the
 * report folder and the paper; when that content key is the one of the last render, the fingerprint
 * stored with it is the content's, and the plan made from it (the edition, its date, the previous one)
 * is keyed too — so a rebuild with nothing new skips the html and pdf stages even though the last
 * build added an edition.
 */
export async function htmlInputs(rt: Runtime): Promise<string[]> {
  const contentKey = await htmlContentKey(rt);
  rt.state.htmlContentKey = contentKey;
  const stored = await readHtmlMeta(rt);
  if (stored?.contentKey !== contentKey || !stored.fingerprint) return [contentKey];
  const { planEdition } = await import('../report/publish/edition-store.ts');
  const plan = await planEdition(
    rt.fs,
    rt.ctx.outDir,
    stored.fingerprint,
    rt.ctx.buildDate,
    rt.ctx.formats.includes('pdf'),
    rt.logger,
  );
  rt.state.edition = { fingerprint: stored.fingerprint, plan };
  return [contentKey, plan.id, plan.date.toISOString(), plan.previous?.id ?? ''];
}

async function htmlContentKey(rt: Runtime): Promise<string> {
  return hashParts([
    rt.keyBefore ?? '',
    await hashTree(rt.fs, path.join(rt.ctx.root, 'templates')),
    await hashTree(rt.fs, rt.ctx.reportDir),
    rt.ctx.paper,
  ]);
}

interface HtmlMeta {
  fingerprint?: string;
  contentKey?: string;
}

async function readHtmlMeta(rt: Runtime): Promise<HtmlMeta | null> {
  try {
    return JSON.parse(await rt.fs.readText(rt.paths.htmlMeta)) as HtmlMeta;
  } catch {
    return null;
  }
}

/**
 * The edition this build is, from the report's own bytes (rendered without an edition line) and the
 * clean files: decided before the final render, so the report can print its date and what changed
 * since the previous edition. Computed once per run.
 */
export async function editionPlan(rt: Runtime, contentHtml: string): Promise<EditionPlanState> {
  if (rt.state.edition) return rt.state.edition;
  const { fingerprintBuild } = await import('../report/publish/fingerprint.ts');
  const { planEdition } = await import('../report/publish/edition-store.ts');
  const fingerprint = await fingerprintBuild(rt.fs, {
    root: rt.ctx.root,
    cleanDir: rt.paths.staged,
    reportHtml: contentHtml,
    configText: rt.configText,
    paper: rt.ctx.paper,
  });
  const plan = await planEdition(
    rt.fs,
    rt.ctx.outDir,
    fingerprint,
    rt.ctx.buildDate,
    rt.ctx.formats.includes('pdf'),
    rt.logger,
  );
  rt.state.edition = { fingerprint, plan };
  return rt.state.edition;
}

/** The fingerprint of the report the html stage last rendered (it may have been skipped this run). */
export async function renderedFingerprint(rt: Runtime): Promise<string> {
  if (rt.state.edition) return rt.state.edition.fingerprint;
  const meta = await readHtmlMeta(rt);
  if (!meta?.fingerprint) throw new Error(`${rt.paths.htmlMeta} holds no fingerprint; run the html stage.`);
  return meta.fingerprint;
}
