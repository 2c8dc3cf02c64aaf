// The charts stage core: ReportData in, rendered SVG charts out (skipping charts without data). Today it
// renders the temporary list of chart requests in registry.ts; the report's {{chart}} directives call
// kinds.ts directly.
import type { ChartOutput, ReportData } from '../types.ts';
import { checkChartRequest, renderChart } from './kinds.ts';
import { CHARTS, requestOf } from './registry.ts';

export { chartSection } from './registry.ts';

/** Deterministic: the same data gives the same SVG bytes (ids are renumbered per chart). */
export async function buildCharts(data: ReportData): Promise<ChartOutput[]> {
  const requests = CHARTS.map((entry) => requestOf(entry, data)).filter(
    (req) => checkChartRequest(req, data) === null,
  );
  return Promise.all(requests.map((req) => renderChart(req, data)));
}
