// Reading a rendered chart back: its size and every text with its font size, so that tests can hold
// each chart to the print rule (text ≥ 8 pt in the PDF column) and catch clipped labels.

export interface SvgText {
  text: string;
  /** The text's font size in px; 0 when the SVG does not say (the tests then fail loudly). */
  fontPx: number;
}

export interface SvgTextReport {
  width: number;
  height: number;
  texts: SvgText[];
}

function unescapeMarkup(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Width and height of the root <svg>, and each <text> (its tspans joined by a space). */
export function parseSvgText(svg: string): SvgTextReport {
  const root = /<svg\b([^>]*)>/.exec(svg)?.[1] ?? '';
  const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
  const texts: SvgText[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)) {
    const attrs = m[1] ?? '';
    const body = (m[2] ?? '').replace(/<\/tspan>\s*<tspan\b[^>]*>/g, ' ').replace(/<[^>]+>/g, '');
    const size = attr(attrs, 'font-size') ?? /font-size:\s*([\d.]+)px/.exec(attrs)?.[1];
    texts.push({ text: unescapeMarkup(body), fontPx: size ? Number.parseFloat(size) : 0 });
  }
  return { width: Number(attr(root, 'width') ?? 0), height: Number(attr(root, 'height') ?? 0), texts };
}
