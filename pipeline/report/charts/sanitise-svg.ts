import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/**
 * What may stay in an inlined chart: SVG's drawing elements and presentation attributes, text as text.
 * Parsed and rebuilt (a regex took a label holding `href='` for an attribute and cut the whole chart
 * to its next quote): scripts, styles, animations, foreign objects and anything unknown go with their
 * content; event handlers and unknown attributes go; links keep their content but not the link; an
 * href or url() may only point inside the document (`#id`), but an image's may be a data: PNG/JPEG/GIF.
 */
const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'clipPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'mask',
  'marker',
  'symbol',
  'use',
  'image',
]);

/** Unwrapped: the element goes, its content stays. */
const UNWRAP = new Set(['a']);

const ATTRIBUTES = new Set([
  'id',
  'class',
  'role',
  'version',
  'xmlns',
  'xmlns:xlink',
  'xml:space',
  'xml:lang',
  'lang',
  'focusable',
  'tabindex',
  'transform',
  'viewBox',
  'preserveAspectRatio',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'dx',
  'dy',
  'd',
  'points',
  'width',
  'height',
  'offset',
  'rotate',
  'textLength',
  'lengthAdjust',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'opacity',
  'display',
  'visibility',
  'pointer-events',
  'cursor',
  'clip-path',
  'clip-rule',
  'mask',
  'marker-start',
  'marker-mid',
  'marker-end',
  'markerWidth',
  'markerHeight',
  'refX',
  'refY',
  'orient',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'baseline-shift',
  'letter-spacing',
  'word-spacing',
  'text-decoration',
  'direction',
  'unicode-bidi',
  'writing-mode',
  'shape-rendering',
  'text-rendering',
  'vector-effect',
  'paint-order',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'clipPathUnits',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'maskUnits',
  'maskContentUnits',
  'style',
  'href',
  'xlink:href',
]);

const LINKS = new Set(['href', 'xlink:href']);
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif);base64,[a-z0-9+/=\s]*$/i;

/** Attributes whose value is CSS and may load a paint server, clip, mask or marker by url(). */
const PAINTS = new Set([
  'style',
  'fill',
  'stroke',
  'clip-path',
  'mask',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
]);

/** Whether an attribute's value may stay: no load from outside, no script. Text (aria-label) is text. */
function safeValue(element: string, name: string, value: string): boolean {
  if (LINKS.has(name)) return value.startsWith('#') || (element === 'image' && DATA_IMAGE.test(value));
  if (!PAINTS.has(name)) return true;
  // CSS escapes (`\75rl(`) and comments could hide a url( or an expression(.
  if (/\\|\/\*/.test(value)) return false;
  for (const match of value.matchAll(/url\s*\(\s*['"]?([^)'"]*)/gi))
    if (!match[1]!.startsWith('#')) return false;
  return !/expression\s*\(|@import|javascript:|behavior\s*:|-moz-binding/i.test(value);
}

// As vega-scenegraph writes markup, so that a chart that needs no cleaning keeps its bytes.
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) =>
  text(s).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');

/** <title> and <desc> are written by injectTitleDesc with escapeMarkup (quotes too): kept so. */
const quoted = (s: string) => text(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const WRITTEN_WITH_QUOTES = new Set(['title', 'desc']);

function write(node: Node, out: string[], parent = ''): void {
  if (node.nodeType === 3 || node.nodeType === 4) {
    const value = node.nodeValue ?? '';
    out.push(WRITTEN_WITH_QUOTES.has(parent) ? quoted(value) : text(value));
    return;
  }
  if (node.nodeType !== 1) return; // comments, processing instructions
  const element = node as Element;
  const name = element.tagName;
  if (UNWRAP.has(name)) {
    for (const child of Array.from(element.childNodes)) write(child, out, parent);
    return;
  }
  if (!ELEMENTS.has(name)) return;
  let open = `<${name}`;
  for (const a of Array.from(element.attributes)) {
    if (ATTRIBUTES.has(a.name) || a.name.startsWith('aria-')) {
      if (safeValue(name, a.name, a.value)) open += ` ${a.name}="${attr(a.value)}"`;
    }
  }
  const inner: string[] = [];
  for (const child of Array.from(element.childNodes)) write(child, inner, name);
  out.push(inner.length === 0 ? `${open}/>` : `${open}>${inner.join('')}</${name}>`);
}

const NAMESPACES = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

/** Recoverable markup errors (an unknown entity) go on; a fatal one throws, as xmldom does itself. */
function quiet(): void {}

/**
 * Pure: SVG text → the same drawing with nothing that can run or load. Text that is not well-formed SVG
 * (never vega's) gives an empty string: nothing is better than a guess.
 */
export function sanitiseSvg(svg: string): string {
  // No DTD (entities that expand), and the usual prefixes declared around the chart, so that an SVG
  // fragment without xmlns:xlink still parses; the wrapper is not written out.
  const body = svg.replace(/^\s*<\?xml[^>]*\?>/, '');
  if (/<!DOCTYPE/i.test(body)) return '';
  let root: Element | null = null;
  try {
    const doc = new DOMParser({ onError: quiet }).parseFromString(
      `<wrap ${NAMESPACES}>${body}</wrap>`,
      'image/svg+xml',
    );
    const children = Array.from(doc.documentElement?.childNodes ?? []);
    const elements = children.filter((n) => n.nodeType === 1) as Element[];
    // One <svg> and nothing but white space around it.
    if (elements.length === 1 && children.every((n) => n.nodeType === 1 || !n.nodeValue?.trim()))
      root = elements[0]!;
  } catch {
    return '';
  }
  if (root?.tagName !== 'svg') return '';
  const out: string[] = [];
  write(root, out);
  return out.join('');
}
