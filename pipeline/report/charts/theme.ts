// One theme for every chart: the report's fonts (PT Sans for chart text, Source Serif 4 for titles, as in
// the HTML), a muted palette, no view border. Fonts resolve through the report's inlined @font-face.
import type { Config } from 'vega-lite';

export const FONT_SANS = 'PT Sans, Helvetica, Arial, sans-serif';
export const FONT_SERIF = 'Source Serif 4, Georgia, serif';

/** Muted, distinguishable in greyscale print as well (alternating light and dark). */
export const PALETTE = [
  '#3f5f7f',
  '#b0663f',
  '#6b8e5a',
  '#7f5f8f',
  '#c2a04a',
  '#4f8a8b',
  '#9a4f5f',
  '#707070',
] as const;
export const INK = '#2b2b2b';
export const MUTED = '#8a8a8a';
export const SHADE = '#e9e4d8';
export const ACCENT = '#a23b2a';

export const CHART_WIDTH = 520;

export const chartConfig: Config = {
  background: 'transparent',
  // The <svg> is one image (role="img", its title and description); marks need no ARIA of their own.
  aria: false,
  padding: 8,
  font: FONT_SANS,
  view: { stroke: null },
  title: {
    font: FONT_SERIF,
    fontSize: 15,
    fontWeight: 600,
    anchor: 'start',
    color: INK,
    offset: 10,
    subtitleFont: FONT_SANS,
    subtitleFontSize: 11,
    subtitleColor: '#555555',
  },
  axis: {
    labelFont: FONT_SANS,
    titleFont: FONT_SANS,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelColor: '#444444',
    titleColor: '#333333',
    gridColor: '#ebe7df',
    domainColor: '#999999',
    tickColor: '#999999',
    labelLimit: 280,
  },
  legend: {
    labelFont: FONT_SANS,
    titleFont: FONT_SANS,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    orient: 'bottom',
    direction: 'horizontal',
    labelLimit: 260,
  },
  header: { labelFont: FONT_SANS, titleFont: FONT_SANS, labelFontSize: 11, labelColor: INK },
  range: { category: [...PALETTE] },
  bar: { color: PALETTE[0] },
  line: { color: PALETTE[0], strokeWidth: 1.8 },
  point: { color: PALETTE[0], size: 36 },
  rule: { color: MUTED },
  text: { font: FONT_SANS, fontSize: 10, color: INK },
};

/** The header of a faceted chart's rows: the panel's name, bold, above it on the left. */
export function facetHeader(labelPadding: number, labelLimit?: number) {
  return {
    labelAngle: 0,
    labelOrient: 'top',
    labelAnchor: 'start',
    labelFontWeight: 'bold',
    labelPadding,
    ...(labelLimit === undefined ? {} : { labelLimit }),
  };
}
