// The fixture report (test/report/fixture-report) compiled against a ReportData, with its charts.
import * as path from 'node:path';
import type { ChartOutput, ReportData, ReportFile } from '../../pipeline/core/types.ts';
import { nodeFileSystem } from '../../pipeline/io/effects.ts';
import { readReportFolder } from '../../pipeline/io/read-report.ts';
import { checkChartRequest, renderChart } from '../../pipeline/report/definition/chart-api.ts';
import { type CompiledReport, compileReport } from '../../pipeline/report/definition/compile-report.ts';

export const FIXTURE_REPORT = path.join(import.meta.dirname, '../fixtures/html-report');

export async function fixtureReportFiles(): Promise<ReportFile[]> {
  return readReportFolder(nodeFileSystem, FIXTURE_REPORT);
}

export function compileOrThrow(files: readonly ReportFile[], data: ReportData): CompiledReport {
  const result = compileReport(files, data, checkChartRequest);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.report;
}

export async function compileFixture(
  data: ReportData,
  files?: readonly ReportFile[],
): Promise<{ report: CompiledReport; charts: ChartOutput[] }> {
  const report = compileOrThrow(files ?? (await fixtureReportFiles()), data);
  const charts = await Promise.all(report.charts.map((req) => renderChart(req, data)));
  return { report, charts };
}
