// Forest plot for `excess-deaths.` measures (see chart-forest.ts).
import type { ReportData } from '../types.ts';
import type { ChartSpec } from './chart-data.ts';
import { buildForestChart } from './chart-forest.ts';

export function buildExcessForestChart(data: ReportData): ChartSpec | null {
  return buildForestChart(data, {
    id: 'forest-excess',
    prefix: 'excess-deaths.',
    title: 'Excess deaths, by source and definition',
  });
}
