// Every chart, in report order, with the report section it belongs to (see pipeline/html/sections.ts).
import type { ChartBuilder } from './chart-data.ts';
import { buildExcessForestChart } from './chart-forest-excess.ts';
import { buildFamineForestChart } from './chart-forest-famine.ts';
import { buildRepressionForestChart } from './chart-forest-repression.ts';
import { buildGrowthChart } from './chart-growth.ts';
import { buildGulagDeathsChart } from './chart-gulag-deaths.ts';
import { buildGulagPopChart } from './chart-gulag-pop.ts';
import { buildOutputChart } from './chart-output.ts';
import { buildPlan2Chart } from './chart-plan2.ts';
import { buildPlan2ChangeChart } from './chart-plan2-change.ts';
import { buildRecordChart } from './chart-record.ts';
import { buildRecordMultipleChart } from './chart-record-multiple.ts';

export interface ChartEntry {
  id: string;
  /** The report section id the chart is printed in. */
  section: string;
  build: ChartBuilder;
}

export const CHARTS: readonly ChartEntry[] = [
  { id: 'record', section: 'record', build: buildRecordChart },
  { id: 'record-multiple', section: 'record', build: buildRecordMultipleChart },
  { id: 'plan2', section: 'plan2', build: buildPlan2Chart },
  { id: 'plan2-change', section: 'plan2', build: buildPlan2ChangeChart },
  { id: 'output', section: 'output', build: buildOutputChart },
  { id: 'growth', section: 'growth', build: buildGrowthChart },
  { id: 'gulag-pop', section: 'gulag', build: buildGulagPopChart },
  { id: 'gulag-deaths', section: 'gulag', build: buildGulagDeathsChart },
  { id: 'forest-excess', section: 'human-cost', build: buildExcessForestChart },
  { id: 'forest-famine', section: 'human-cost', build: buildFamineForestChart },
  { id: 'forest-repression', section: 'human-cost', build: buildRepressionForestChart },
];

/** The section a chart id belongs to; unknown ids go to "Other measures". */
export function chartSection(id: string): string {
  return CHARTS.find((c) => c.id === id)?.section ?? 'other';
}
