// The report definition for the charts and html stages: report/*.md read once per run, checked against
// the data by the one pure compiler both stages use. Errors are data errors: exit 1, every line named.
import { createHash } from 'node:crypto';
import { NormaExit } from '../core/stage.ts';
import type { ReportData, ReportFile } from '../core/types.ts';
import { readReportFolder } from '../io/read-report.ts';
import { checkChartRequest } from '../report/definition/chart-api.ts';
import { type CompiledReport, compileReport } from '../report/definition/compile-report.ts';
import type { Runtime } from '../run/runtime.ts';

const files = new WeakMap<Runtime, Promise<ReportFile[]>>();

export function reportFiles(rt: Runtime): Promise<ReportFile[]> {
  let p = files.get(rt);
  if (!p) {
    p = readReportFolder(rt.fs, rt.ctx.reportDir);
    files.set(rt, p);
  }
  return p;
}

/** A cache input: the names and bytes of the report's files. */
export async function reportHash(rt: Runtime): Promise<string> {
  const hash = createHash('sha256');
  for (const f of await reportFiles(rt)) hash.update(`${f.name}\n${f.text.length}\n${f.text}`);
  return hash.digest('hex');
}

export async function loadCompiledReport(rt: Runtime, data: ReportData): Promise<CompiledReport> {
  const result = compileReport(await reportFiles(rt), data, checkChartRequest);
  if (result.ok) return result.report;
  for (const line of result.errors) rt.logger.error(line);
  throw new NormaExit(
    1,
    `the report definition has ${result.errors.length === 1 ? 'an error' : `${result.errors.length} errors`} (above); fix ${result.errors.length === 1 ? 'that line' : 'those lines'} and rerun.`,
  );
}
