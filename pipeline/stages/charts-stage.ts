import type { Runtime, StageSpec } from '../runtime.ts';
import type { ChartOutput } from '../types.ts';
import { loadReportData } from './report-data.ts';

export async function loadCharts(rt: Runtime): Promise<ChartOutput[]> {
  if (!rt.state.charts) rt.state.charts = JSON.parse(await rt.fs.readText(rt.paths.charts)) as ChartOutput[];
  return rt.state.charts;
}

export const chartsStage: StageSpec = {
  name: 'charts',
  inputs: async () => [],
  outputs: (rt) => [rt.paths.charts],
  async run(rt) {
    const data = await loadReportData(rt);
    const { buildCharts } = await import('../charts/charts.ts');
    const charts = await buildCharts(data);
    rt.state.charts = charts;
    await rt.fs.writeAtomic(rt.paths.charts, JSON.stringify(charts));
    return { counts: `${charts.length} charts` };
  },
};
