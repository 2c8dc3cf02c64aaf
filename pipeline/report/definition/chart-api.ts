// The charts branch's API, the one the generator calls (pipeline/report/charts/kinds.ts).
export {
  CHART_KINDS,
  type ChartKind,
  type ChartRequest,
  checkChartRequest,
  renderChart,
} from '../charts/kinds.ts';
