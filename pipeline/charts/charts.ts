// The charts stage core: ReportData in, rendered SVG charts out (skipping charts without data).
import type { ChartOutput, ReportData } from '../types.ts';
import { buildSourceLine } from './chart-data.ts';
import { CHARTS } from './registry.ts';
import { finishSvg, renderSpecToSvg } from './render-svg.ts';
import { chartConfig } from './theme.ts';

export { chartSection } from './registry.ts';

/** Deterministic: the same data gives the same SVG bytes (ids are renumbered per chart). */
export async function buildCharts(data: ReportData): Promise<ChartOutput[]> {
  const specs = CHARTS.map((entry) => entry.build(data)).filter((s) => s !== null);
  return Promise.all(
    specs.map(async (s) => {
      const svg = await renderSpecToSvg({ ...s.spec, config: { ...chartConfig, ...(s.spec.config ?? {}) } });
      return {
        id: s.id,
        title: s.title,
        description: s.description,
        sourceLine: buildSourceLine(data, s.sourceIds, s.hasUnverified),
        svg: finishSvg(svg, s.id, s.title, s.description),
      };
    }),
  );
}
