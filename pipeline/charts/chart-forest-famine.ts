// Forest plot for `famine.` measures (see chart-forest.ts).
import type { ReportData } from '../types.ts';
import type { ChartSpec } from './chart-data.ts';
import { buildForestChart } from './chart-forest.ts';

export function buildFamineForestChart(data: ReportData): ChartSpec | null {
  return buildForestChart(data, {
    id: 'forest-famine',
    prefix: 'famine.',
    title: 'Famine deaths, by source and territory',
  });
}
