// Vega-Lite → Vega → SVG in Node (no browser, no canvas), then the SVG is made stable, accessible and safe
// to inline: ids renumbered per chart, <title>/<desc> injected, anything active stripped.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeMarkup } from '../../core/escape-markup.ts';
import { sanitiseSvg } from './sanitise-svg.ts';

/**
 * Without a canvas vega guesses every glyph at 0.8 em, which truncates labels far too early and pads the
 * layout. A per-glyph estimate close to PT Sans / Source Serif 4 (deterministic, no font files read).
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[iljtfrI.,:;'’!|()[\]\s-]/.test(ch)) em += 0.32;
    else if (/[mwMW]/.test(ch)) em += 0.86;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[0-9]/.test(ch)) em += 0.58;
    else if (/[–—×%&@]/.test(ch)) em += 0.72;
    else em += 0.54;
  }
  return Math.ceil(em * fontSize);
}

type TextItem = { fontSize?: number | string; limit?: number | string };
// `textMetrics` is exported by vega-scenegraph (re-exported by vega) but missing from vega's typings.
const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
  .textMetrics;
metrics.width = (item: TextItem, text: unknown): number => {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const line = text == null ? '' : String(text).trim();
  const width = estimateTextWidth(line, size);
  const limit = Number(item.limit) || 0;
  return limit > 0 ? Math.min(width, limit) : width;
};

// Warnings (e.g. about faceted independent scales) are expected for our specs and would flood the log.
interface SilentLogger {
  level(): number;
  error(): SilentLogger;
  warn(): SilentLogger;
  info(): SilentLogger;
  debug(): SilentLogger;
}
const SILENT: SilentLogger = {
  level(): number {
    return 0;
  },
  error(): SilentLogger {
    return SILENT;
  },
  warn(): SilentLogger {
    return SILENT;
  },
  info(): SilentLogger {
    return SILENT;
  },
  debug(): SilentLogger {
    return SILENT;
  },
};

/** Edge-free but impure (vega's internals): spec in, SVG text out. */
export async function renderSpecToSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec, { logger: SILENT }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers clip paths and gradients from a process-wide counter (`clip7`), so the same chart gets
 * other ids on a second render, and two inlined charts could clash. Renumber in order of appearance,
 * prefixed by the chart id.
 */
export function stabiliseIds(svg: string, prefix: string): string {
  const map = new Map<string, string>();
  svg.replace(/\sid="([^"]+)"/g, (_m, id: string) => {
    if (!map.has(id)) map.set(id, `${prefix}-${map.size + 1}`);
    return '';
  });
  if (map.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_m, a: string, id: string, b: string) => a + (map.get(id) ?? id) + b)
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => (map.has(id) ? `url(#${map.get(id)})` : m))
    .replace(/((?:xlink:)?href=")#([^"]+)"/g, (m, a: string, id: string) =>
      map.has(id) ? `${a}#${map.get(id)}"` : m,
    );
}

/** Remove what must never run or load inside the report (sanitise-svg.ts: parsed, not by regex). */
export { sanitiseSvg } from './sanitise-svg.ts';

/** Give the root <svg> a role, a <title> and a <desc> for screen readers (vega writes neither). */
export function injectTitleDesc(svg: string, id: string, title: string, description: string): string {
  const cleaned = svg.replace(/<title>[\s\S]*?<\/title>/, '').replace(/<desc>[\s\S]*?<\/desc>/, '');
  return cleaned.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const kept = attrs.replace(/\s(role|aria-labelledby|aria-describedby|aria-label|id)="[^"]*"/g, '');
    return (
      `<svg${kept} id="chart-${id}" role="img" aria-label="${escapeMarkup(title)}" aria-labelledby="chart-${id}-title" ` +
      `aria-describedby="chart-${id}-desc"><title id="chart-${id}-title">${escapeMarkup(title)}</title>` +
      `<desc id="chart-${id}-desc">${escapeMarkup(description)}</desc>`
    );
  });
}

/** The whole post-processing, in an order that keeps the injected ids out of the renumbering. */
export function finishSvg(svg: string, id: string, title: string, description: string): string {
  const stable = stabiliseIds(sanitiseSvg(svg), `chart-${id}`);
  return injectTitleDesc(stable, id, title, description);
}
