import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
// The function as the report calls it (render-svg.ts re-exports sanitise-svg.ts).
import { renderSpecToSvg, sanitiseSvg } from '../../pipeline/report/charts/render-svg.ts';

const HOSTILE = [
  "a label with href='x' inside",
  'href="javascript:alert(1)"',
  '<script>alert(1)</script>',
  "onload='alert(1)' <foreignObject>",
  'url(https://evil.example/x.png)',
  'it\'s "quoted" & <b>bold</b>',
];

function chart(labels: string[]): TopLevelSpec {
  return {
    data: { values: labels.map((a, i) => ({ a, b: i + 1 })) },
    mark: 'bar',
    encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
  } as TopLevelSpec;
}

/** The text content of every <text> element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

describe('sanitiseSvg on vega charts with hostile labels', () => {
  it('keeps every label as text and the whole chart', async () => {
    const svg = await renderSpecToSvg(chart(HOSTILE));
    const out = sanitiseSvg(svg);
    // Nothing to clean in vega's own markup: the chart keeps its bytes.
    expect(out).toBe(svg);
    for (const label of HOSTILE) expect(texts(out)).toContain(label);
    expect(out.length).toBeGreaterThan(2000);
  });

  it('a benign chart keeps its bytes', async () => {
    const svg = await renderSpecToSvg(chart(['coal', 'steel']));
    expect(sanitiseSvg(svg)).toBe(svg);
  });
});

describe('sanitiseSvg on hostile markup', () => {
  it('drops scripts, handlers, foreign objects, styles, animations and outside links; keeps text', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">' +
      '<script>alert(1)</script><script href="https://evil.example/x.js"/>' +
      '<style>@import url(https://evil.example/x.css)</style>' +
      '<g onload="alert(1)" onclick=\'x\' fill="red"><a href="javascript:alert(1)" xlink:href="https://x"><text x="1">kept &amp; shown</text></a></g>' +
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>' +
      '<image xlink:href="https://evil.example/x.png" width="1"/><image href="data:image/png;base64,iVBORw0KGgo=" width="2"/>' +
      '<use href="#local"/><use xlink:href="https://evil.example/sprite.svg#a"/>' +
      '<rect fill="url(https://evil.example/p)" stroke="url(#grad)" style="fill:url(http://x)"/>' +
      '<set attributeName="href" to="javascript:alert(1)"/><animate attributeName="x"/>' +
      '<!-- comment --><?pi x?><text>a<tspan dx="1">b</tspan></text></svg>';
    const out = sanitiseSvg(svg);
    expect(out.replace(/ xmlns(?::xlink)?="[^"]*"/g, '')).not.toMatch(
      /script|onload|onclick|javascript|foreignObject|https?:|@import|<style|<set|<animate|<a[\s>]|comment|<\?/i,
    );
    expect(out).toContain('<g fill="red"><text x="1">kept &amp; shown</text></g>');
    expect(out).toContain('<image width="1"/>');
    expect(out).toContain('<image href="data:image/png;base64,iVBORw0KGgo=" width="2"/>');
    expect(out).toContain('<use href="#local"/><use/>');
    expect(out).toContain('<rect stroke="url(#grad)"/>');
    expect(out).toContain('<text>a<tspan dx="1">b</tspan></text>');
  });

  it('is not fooled by quotes inside attribute values or text', () => {
    const svg = `<svg><text aria-label="x href='y">a href='b' c</text><rect width="1"/><text>after</text></svg>`;
    expect(sanitiseSvg(svg)).toBe(
      `<svg><text aria-label="x href='y">a href='b' c</text><rect width="1"/><text>after</text></svg>`,
    );
  });

  it('gives nothing for what is not well-formed SVG', () => {
    expect(sanitiseSvg('<svg><g></svg>')).toBe('');
    expect(sanitiseSvg('<html><script>x</script></html>')).toBe('');
    expect(sanitiseSvg('not markup')).toBe('');
  });
});

describe('sanitiseSvg on a finished chart', () => {
  it('keeps the bytes of the injected title and description', async () => {
    const { finishSvg } = await import('../../pipeline/report/charts/render-svg.ts');
    const svg = finishSvg(await renderSpecToSvg(chart(["it's"])), 'x', 'A "title"', "each source's figure");
    expect(svg).toContain('each source&#39;s figure');
    expect(sanitiseSvg(svg)).toBe(svg);
  });
});
