import * as path from 'node:path';
import type { FileSystem } from '../core/effects.ts';
import { formatProblems } from '../core/problems.ts';
import type { Problem } from '../core/types.ts';
import { rejectRows } from '../data/clean/reject-rows.ts';
import { ingestEssay } from '../data/ingest/essay.ts';
import { ingest } from '../data/ingest/ingest.ts';
import { readRawFolder, withRawProblems } from '../io/read-raw.ts';
import { OBSERVATION_COLUMNS, REJECT_COLUMNS, toCsv } from '../io/write-csv.ts';
import type { CleanFileName } from '../run/runtime.ts';

export interface CheckOutcome {
  ok: boolean;
  lines: string[];
}

/** Pure: the first line where two texts differ (1-based), or null when equal. */
export function firstDifference(
  expected: string,
  actual: string,
): { line: number; expected: string; actual: string } | null {
  if (expected === actual) return null;
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return { line: i + 1, expected: a[i] ?? '(end of file)', actual: b[i] ?? '(end of file)' };
  }
  return { line: 1, expected: '', actual: '' };
}

/** What data/clean should hold for the raw folder, computed in memory (nothing is written). */
export async function expectedCleanFiles(
  fs: FileSystem,
  rawDir: string,
): Promise<{ files: Partial<Record<CleanFileName, string>>; problems: Problem[] }> {
  const { inputs, problems: readProblems, essay } = await readRawFolder(fs, rawDir);
  const read = ingestEssay(essay);
  const ingested = { ...ingest(inputs), essay: read.essay };
  readProblems.push(...read.problems);
  const problems: Problem[] = withRawProblems(
    ingested.problems.filter((p) => p.kind !== 'reject'),
    readProblems,
  );
  const { cleanData } = await import('../data/clean/clean.ts');
  const clean = cleanData(ingested);
  problems.push(...clean.problems);
  const rejects = rejectRows(ingested.problems, clean.rejects);
  const files: Partial<Record<CleanFileName, string>> = {
    'observations.csv': toCsv(OBSERVATION_COLUMNS, clean.observations),
    'rejects.csv': toCsv(REJECT_COLUMNS, rejects),
  };
  if (problems.some((p) => p.kind === 'fatal')) return { files, problems };
  const { reconcile } = await import('../data/reconcile/reconcile.ts');
  const { reconcileFiles } = await import('../stages/reconcile-stage.ts');
  const result = reconcile(clean);
  problems.push(...result.problems);
  const out = reconcileFiles(result);
  files['reconciled.csv'] = out.reconciled;
  files['claims.csv'] = out.claims;
  files['audit.json'] = out.audit;
  return { files, problems };
}

/** `--check`: exit 1 when data/clean is not what data/raw gives, naming the files and first lines that differ. */
export async function checkClean(
  fs: FileSystem,
  rawDir: string,
  cleanDir: string,
  cleanLabel: string,
): Promise<CheckOutcome> {
  const { files, problems } = await expectedCleanFiles(fs, rawDir);
  const lines: string[] = [];
  const fatal = problems.filter((p) => p.kind === 'fatal');
  if (fatal.length > 0) {
    lines.push(...formatProblems(fatal));
    lines.push(`${fatal.length} data error(s): the clean data cannot be computed.`);
    return { ok: false, lines };
  }
  let ok = true;
  for (const [name, expected] of Object.entries(files) as [CleanFileName, string][]) {
    const file = path.join(cleanDir, name);
    const actual = (await fs.exists(file)) ? await fs.readText(file) : null;
    if (actual === null) {
      ok = false;
      lines.push(`${cleanLabel}/${name} is missing; run \`npm run report\` and commit it.`);
      continue;
    }
    const diff = firstDifference(expected, actual);
    if (diff) {
      ok = false;
      lines.push(
        `${cleanLabel}/${name} differs from what the raw data gives, first at line ${diff.line}:`,
        `  expected: ${diff.expected}`,
        `  found:    ${diff.actual}`,
      );
    }
  }
  if (ok)
    lines.push(`${cleanLabel} is what the raw data gives (${Object.keys(files).length} files checked).`);
  else lines.push('Run `npm run report` (or `--to reconcile`) and commit data/clean.');
  return { ok, lines };
}
