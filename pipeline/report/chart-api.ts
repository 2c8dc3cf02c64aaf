// The charts branch's API as the generator calls it (pipeline/charts/kinds.ts, agreed in advance).
// Until that module lands this file states the interface; afterwards it re-exports it.
import type { ChartOutput, ReportData } from '../types.ts';

export const CHART_KINDS = ['forest', 'series', 'bars'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartRequest {
  /** Unique in the report and stable: the directive parser makes it. */
  id: string;
  kind: ChartKind;
  /** Measure ids matched from PATTERN, in measures.csv order. */
  measures: string[];
  title: string;
  period?: string;
  options: Record<string, string>;
}

export interface ChartApi {
  checkChartRequest(req: ChartRequest, data: ReportData): string | null;
  renderChart(req: ChartRequest, data: ReportData): Promise<ChartOutput>;
}
