// Charts as kinds, not topics: the one entry point the report's {{chart}} directive calls. A request
// names a kind, the measures its pattern matched and the directive's options; each kind builds a
// vega-lite spec from the matched rows only, so a chart knows nothing of its subject.
import type { ChartOutput, ReportData } from '../../core/types.ts';
import { buildSourceLine, type ChartSpec } from './chart-data.ts';
import { BARS_OPTIONS, barsEmpty, buildBars } from './kind-bars.ts';
import type { KindRequest, OptionSpec } from './kind-common.ts';
import { buildForest, FOREST_OPTIONS, forestEmpty } from './kind-forest.ts';
import { buildSeries, SERIES_OPTIONS, seriesEmpty } from './kind-series.ts';
import { finishSvg, renderSpecToSvg } from './render-svg.ts';
import { chartConfig } from './theme.ts';

export const CHART_KINDS = ['forest', 'series', 'bars'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartRequest {
  /** Unique in the report, stable (the directive parser makes it). */
  id: string;
  kind: ChartKind;
  /** Measure ids already matched from the directive's pattern, in measures.csv order. */
  measures: string[];
  title: string;
  /** `period="…"` of the directive, as written (bars; optional elsewhere). */
  period?: string;
  /** Every other hash argument of the directive, kind-specific. */
  options: Record<string, string>;
}

interface Kind {
  options: readonly OptionSpec[];
  /** Must the directive give `period="…"`? */
  needsPeriod: boolean;
  /** null when there is something to plot, else why not. */
  empty: (req: KindRequest, data: ReportData) => string | null;
  build: (req: KindRequest, data: ReportData) => ChartSpec | null;
}

const KINDS: Record<ChartKind, Kind> = {
  forest: { options: FOREST_OPTIONS, needsPeriod: false, empty: forestEmpty, build: buildForest },
  series: { options: SERIES_OPTIONS, needsPeriod: false, empty: seriesEmpty, build: buildSeries },
  bars: { options: BARS_OPTIONS, needsPeriod: false, empty: barsEmpty, build: buildBars },
};

/** The options a kind accepts, with their help text (for docs and error messages). */
export function kindOptions(kind: ChartKind): readonly OptionSpec[] {
  return KINDS[kind].options;
}

/** null when valid, else a sentence (unknown option, bad value) the directive error prints after its line. */
export function checkChartRequest(req: ChartRequest, data: ReportData): string | null {
  if (!(CHART_KINDS as readonly string[]).includes(req.kind)) {
    return `unknown chart kind "${req.kind}" (kinds: ${CHART_KINDS.join(', ')})`;
  }
  const kind = KINDS[req.kind];
  if (req.measures.length === 0) return 'the chart matches no measure';
  if (req.title.trim() === '') return 'the chart needs a title="…"';
  for (const [name, value] of Object.entries(req.options)) {
    const opt = kind.options.find((o) => o.name === name);
    if (!opt) {
      const known = kind.options.map((o) => o.name);
      return `unknown option ${name}="${value}" for a ${req.kind} chart (${
        known.length > 0 ? `options: ${known.join(', ')}` : 'it takes no options'
      })`;
    }
    const bad = opt.check(value, data);
    if (bad) return bad;
  }
  if (kind.needsPeriod && (req.period ?? '').trim() === '') return `a ${req.kind} chart needs period="…"`;
  const empty = kind.empty(req, data);
  return empty ? `nothing to plot: ${empty}` : null;
}

/** Deterministic SVG; throws with checkChartRequest's sentence when the request is not valid. */
export async function renderChart(req: ChartRequest, data: ReportData): Promise<ChartOutput> {
  const problem = checkChartRequest(req, data);
  const built = problem === null ? KINDS[req.kind].build(req, data) : null;
  if (!built) throw new Error(`chart "${req.id}": ${problem ?? 'nothing to plot'}`);
  const svg = await renderSpecToSvg({
    ...built.spec,
    config: { ...chartConfig, ...(built.spec.config ?? {}) },
  });
  return {
    id: built.id,
    title: built.title,
    description: built.description,
    sourceLine: buildSourceLine(data, built.sourceIds, built.hasUnverified),
    svg: finishSvg(svg, built.id, built.title, built.description),
  };
}
