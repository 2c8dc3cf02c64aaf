import type { ChartOutput } from '../core/types.ts';
import type { Runtime, StageSpec } from '../run/runtime.ts';
import { loadReportData } from './report-data.ts';
import { reportHash } from './report-definition.ts';

export async function loadCharts(rt: Runtime): Promise<ChartOutput[]> {
  if (!rt.state.charts) rt.state.charts = JSON.parse(await rt.fs.readText(rt.paths.charts)) as ChartOutput[];
  return rt.state.charts;
}

/** Renders the charts the report's {{chart}} directives ask for, in report order. */
export const chartsStage: StageSpec = {
  name: 'charts',
  inputs: async (rt) => [await reportHash(rt)],
  outputs: (rt) => [rt.paths.charts],
  async run(rt) {
    const data = await loadReportData(rt);
    const { loadCompiledReport } = await import('./report-definition.ts');
    const { renderChart } = await import('../report/definition/chart-api.ts');
    const report = await loadCompiledReport(rt, data);
    const charts = await Promise.all(report.charts.map((req) => renderChart(req, data)));
    rt.state.charts = charts;
    await rt.fs.writeAtomic(rt.paths.charts, JSON.stringify(charts));
    return { counts: `${charts.length} charts` };
  },
};
