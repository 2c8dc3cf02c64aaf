// Forest plot for `repression.` measures (see chart-forest.ts).
import type { ReportData } from '../types.ts';
import type { ChartSpec } from './chart-data.ts';
import { buildForestChart } from './chart-forest.ts';

export function buildRepressionForestChart(data: ReportData): ChartSpec | null {
  return buildForestChart(data, {
    id: 'forest-repression',
    prefix: 'repression.',
    title: 'Executions and repression, by source',
  });
}
