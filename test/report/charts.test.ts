import { describe, expect, it } from 'vitest';
import { logTickValues } from '../../pipeline/charts/chart-forest.ts';
import { buildCharts } from '../../pipeline/charts/charts.ts';
import { CHARTS } from '../../pipeline/charts/registry.ts';
import { finishSvg, sanitiseSvg, stabiliseIds } from '../../pipeline/charts/render-svg.ts';
import { buildEmptyFixture, buildFixture } from './fixture.ts';

describe('charts', () => {
  it('builds every chart from the fixture, accessible and without NaN', async () => {
    const charts = await buildCharts(buildFixture());
    expect(charts.map((c) => c.id)).toEqual(CHARTS.map((c) => c.id));
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const c of charts) {
      expect(c.svg.startsWith('<svg'), c.id).toBe(true);
      expect(c.svg, c.id).toMatch(new RegExp(`<title id="chart-${c.id}-title">[^<]+</title>`));
      expect(c.svg, c.id).toMatch(new RegExp(`<desc id="chart-${c.id}-desc">[^<]+</desc>`));
      expect(c.svg, c.id).toContain('role="img"');
      expect(c.svg, c.id).not.toMatch(/NaN|undefined|Infinity/);
      expect(c.svg.toLowerCase(), c.id).not.toContain('<script');
      expect(c.title.length, c.id).toBeGreaterThan(0);
      expect(c.description, c.id).not.toMatch(/NaN|undefined/);
      expect(c.sourceLine, c.id).toMatch(/^Sources?: /);
    }
  });

  it('escapes hostile labels inside the SVG', async () => {
    const charts = await buildCharts(buildFixture());
    const famine = charts.find((c) => c.id === 'forest-famine')!;
    expect(famine.svg).toContain('&lt;script&gt;');
  });

  it('is deterministic, with ids unique across charts', async () => {
    const a = await buildCharts(buildFixture());
    const b = await buildCharts(buildFixture());
    expect(b.map((c) => c.svg)).toEqual(a.map((c) => c.svg));
    const ids = a.flatMap((c) => [...c.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('derives the plotted figures from the data', async () => {
    const data = buildFixture();
    const steel = data.reconciled.find((r) => r.measure_id === 'output.steel' && r.period_start === '1937')!;
    steel.value = 99.9;
    steel.high = 99.9;
    const record = CHARTS.find((c) => c.id === 'record')!.build(data)!;
    expect(JSON.stringify(record.spec)).toContain('102');
    const output = CHARTS.find((c) => c.id === 'output')!.build(data)!;
    expect(JSON.stringify(output.spec)).toContain('99.9');
  });

  it('skips every chart when its data is missing', async () => {
    const empty = buildEmptyFixture();
    for (const entry of CHARTS) expect(entry.build(empty), entry.id).toBeNull();
    expect(await buildCharts(empty)).toEqual([]);
    // Only one kind of data: only its chart.
    const full = buildFixture();
    const onlyGrowth = {
      ...full,
      reconciled: full.reconciled.filter((r) => r.measure_id.startsWith('growth.')),
    };
    expect((await buildCharts(onlyGrowth)).map((c) => c.id)).toEqual(['growth']);
  });
});

describe('log axis ticks', () => {
  it('gives 1, 2, 5 × 10^k inside the domain', () => {
    expect(logTickValues(150_000, 25_000_000)).toEqual([
      200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000,
    ]);
  });
});

describe('svg post-processing', () => {
  it('renumbers ids and their references', () => {
    const svg =
      '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"/><use href="#clip7"/></svg>';
    expect(stabiliseIds(svg, 'chart-x')).toBe(
      '<svg><clipPath id="chart-x-1"><rect/></clipPath><g clip-path="url(#chart-x-1)"/><use href="#chart-x-1"/></svg>',
    );
  });
  it('strips scripts, handlers, foreign objects and outside links', () => {
    const svg =
      '<svg><script>alert(1)</script><g onload="alert(1)"><a href="javascript:alert(1)"><text>x</text></a></g>' +
      '<foreignObject><div>x</div></foreignObject><image xlink:href="https://evil.example/x.png"/></svg>';
    const out = sanitiseSvg(svg);
    expect(out).not.toMatch(/script|onload|javascript|foreignObject|https:/i);
    expect(out).toContain('<text>x</text>');
  });
  it('injects an escaped title and description', () => {
    const out = finishSvg('<svg width="1"><g/></svg>', 'x', 'A <b>', 'D & "q"');
    expect(out).toContain('<title id="chart-x-title">A &lt;b&gt;</title>');
    expect(out).toContain('<desc id="chart-x-desc">D &amp; &quot;q&quot;</desc>');
    expect(out).toContain('aria-labelledby="chart-x-title"');
  });
});
