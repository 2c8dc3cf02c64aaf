import { describe, expect, it } from 'vitest';
import type { Observation, ReconciledRow, ReportData } from '../../pipeline/core/types.ts';
import { parseSvgText } from '../../pipeline/report/charts/check-svg.ts';
import { parsePair, partnerOf } from '../../pipeline/report/charts/kind-bars.ts';
import {
  chooseLog,
  logTickValues,
  MIN_PRINTED_PT,
  observationLabels,
  periodMatches,
  printedPt,
  shortAuthor,
  wrapLabel,
} from '../../pipeline/report/charts/kind-common.ts';
import { parseBands, segmentRuns } from '../../pipeline/report/charts/kind-series.ts';
import { type ChartRequest, checkChartRequest, renderChart } from '../../pipeline/report/charts/kinds.ts';
import { finishSvg, sanitiseSvg, stabiliseIds } from '../../pipeline/report/charts/render-svg.ts';
import { buildCharts, CHARTS, expandPattern, requestOf } from './chart-requests.ts';
import { buildEmptyFixture, buildFixture } from './fixture.ts';

function request(data: ReportData, over: Partial<ChartRequest> & { pattern: string }): ChartRequest {
  const { pattern, ...rest } = over;
  return {
    id: 't',
    kind: 'forest',
    title: 'T',
    options: {},
    measures: expandPattern(pattern, data),
    ...rest,
  };
}

/** How many line paths an SVG draws (vega draws each run of a line as a path in its own group). */
function linePaths(svg: string): number {
  let n = 0;
  for (const m of svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)) {
    n += (m[1] ?? '').match(/<path /g)?.length ?? 0;
  }
  return n;
}

/** A yearly series of one measure with one source, for the series tests. */
function withSeries(years: number[], id = 'test.series'): ReportData {
  const data = buildFixture();
  data.measures.push({ ...data.measures[0]!, measure_id: id, label: 'A test series', unit: 'Mt' });
  for (const [i, y] of years.entries()) {
    const period = String(y);
    const row: ReconciledRow = {
      measure_id: id,
      period_start: period,
      period_end: period,
      value: 10 + i,
      low: 10 + i,
      high: 10 + i,
      unit: 'Mt',
      method: 'median',
      n_sources: 1,
      agreement: 'single',
      sources: ['applebaum-2003'],
      outliers: [],
      unverified: 0,
    };
    data.reconciled.push(row);
  }
  return data;
}

describe('charts from chart requests (this subject’s charts against the fixture)', () => {
  it('builds every chart from the fixture, accessible and without NaN', async () => {
    const data = buildFixture();
    const charts = await buildCharts(data);
    expect(charts.length).toBeGreaterThanOrEqual(10);
    for (const c of charts) {
      expect(c.svg.startsWith('<svg'), c.id).toBe(true);
      expect(c.svg, c.id).toMatch(new RegExp(`<title id="chart-${c.id}-title">[^<]+</title>`));
      expect(c.svg, c.id).toMatch(new RegExp(`<desc id="chart-${c.id}-desc">[^<]+</desc>`));
      expect(c.svg, c.id).toContain('role="img"');
      expect(c.svg, c.id).toMatch(/aria-label="[^"]+"/);
      expect(c.svg, c.id).not.toMatch(/NaN|undefined|Infinity/);
      expect(c.svg.toLowerCase(), c.id).not.toContain('<script');
      expect(c.description, c.id).not.toMatch(/NaN|undefined/);
      expect(c.sourceLine, c.id).toMatch(/^Sources?: /);
    }
  });

  it('escapes hostile labels inside the SVG', async () => {
    const charts = await buildCharts(buildFixture());
    expect(charts.some((c) => c.svg.includes('&lt;script&gt;'))).toBe(true);
    for (const c of charts) expect(c.svg, c.id).not.toContain('<script>alert');
  });

  it('is deterministic, with ids unique across charts', async () => {
    const a = await buildCharts(buildFixture());
    const b = await buildCharts(buildFixture());
    expect(b.map((c) => c.svg)).toEqual(a.map((c) => c.svg));
    const ids = a.flatMap((c) => [...c.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('skips every chart when its data is missing, and says why', async () => {
    const empty = buildEmptyFixture();
    expect(await buildCharts(empty)).toEqual([]);
    for (const entry of CHARTS)
      expect(checkChartRequest(requestOf(entry, empty), empty), entry.id).not.toBeNull();
  });
});

describe('the rule: a careful reader takes no wrong number from a chart', () => {
  it('prints every chart text at 8 pt or more in the PDF column, clips no label, draws no legend', async () => {
    for (const c of await buildCharts(buildFixture())) {
      const svg = parseSvgText(c.svg);
      expect(svg.texts.length, c.id).toBeGreaterThan(0);
      for (const t of svg.texts) {
        expect(printedPt(t.fontPx, svg.width, svg.height), `${c.id}: "${t.text}"`).toBeGreaterThanOrEqual(
          MIN_PRINTED_PT,
        );
        // vega ends a label cut at its limit with an ellipsis.
        expect(t.text, c.id).not.toContain('…');
      }
      expect(c.svg, c.id).not.toContain('role-legend');
    }
  });

  it('computes the printed size from the column and page limits', () => {
    expect(printedPt(11, 500, 500)).toBeCloseTo(8.25);
    // 1000 px wide is scaled to the ≈605 px column: 11 px prints at ≈5 pt.
    expect(printedPt(11, 1000, 500)).toBeLessThan(MIN_PRINTED_PT);
    expect(printedPt(11, 500, 2000)).toBeLessThan(MIN_PRINTED_PT);
  });

  it('breaks a series line where years are missing', async () => {
    expect(segmentRuns([1930, 1931, 1932, 1938, 1939, 1950], 1)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(segmentRuns([1930, 1935], 5)).toEqual([0, 0]);
    const data = withSeries([1930, 1931, 1932, 1938, 1939]);
    const chart = await renderChart(request(data, { kind: 'series', pattern: 'test.series' }), data);
    expect(linePaths(chart.svg)).toBe(2);
    expect(chart.svg).toContain('the line breaks where years are missing');
    // Unbroken: one line.
    const whole = withSeries([1930, 1931, 1932]);
    const one = await renderChart(request(whole, { kind: 'series', pattern: 'test.series' }), whole);
    expect(linePaths(one.svg)).toBe(1);
  });

  it('marks the essay’s figure on a series, labelled once', async () => {
    const data = withSeries([1930, 1931, 1932]);
    const claim = {
      claim_id: 'c',
      claim: 'c',
      measure_id: 'test.series',
      period_start: '1931',
      period_end: '1931',
      claimed: 40,
      value: 11,
      low: 11,
      high: 11,
      ratio: null,
      verdict: 'overstated' as const,
    };
    data.verdicts.push(claim, { ...claim, claim_id: 'd' });
    const chart = await renderChart(request(data, { kind: 'series', pattern: 'test.series' }), data);
    const drawn = parseSvgText(chart.svg).texts.filter((t) => t.text === 'essay: 40 Mt');
    expect(drawn.length).toBe(1);
    expect(chart.description).toContain('essay: 40 Mt for 1931');
  });

  it('chooses a log scale where the spread is wide, and says so on the axis', async () => {
    expect(chooseLog([1, 10], undefined)).toBe(false);
    expect(chooseLog([1, 50], undefined)).toBe(true);
    expect(chooseLog([0, 50], undefined)).toBe(false);
    expect(chooseLog([1, 50], 'linear')).toBe(false);
    expect(chooseLog([1, 2], 'log')).toBe(true);
    expect(logTickValues(150_000, 25_000_000)).toEqual([
      200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000,
    ]);
    const data = buildFixture();
    const famine = await renderChart(request(data, { pattern: 'famine.*', options: { scale: 'log' } }), data);
    expect(famine.svg).toContain('log scale');
    const linear = await renderChart(
      request(data, { pattern: 'famine.*', options: { scale: 'linear' } }),
      data,
    );
    expect(linear.svg).not.toContain('log scale');
  });

  it('labels the essay’s figure once per panel, however many readings claim it', async () => {
    const data = buildFixture();
    const target = data.reconciled.find((r) => r.measure_id === 'growth.national-income-official-rate')!;
    const base = data.verdicts.find((v) => v.measure_id === target.measure_id);
    const claim = {
      claim_id: 'x',
      claim: 'x',
      measure_id: target.measure_id,
      period_start: target.period_start,
      period_end: target.period_end,
      claimed: 14,
      value: target.value,
      low: target.low,
      high: target.high,
      ratio: null,
      verdict: 'overstated' as const,
      ...(base ? {} : {}),
    };
    data.verdicts.push(claim, { ...claim, claim_id: 'y' }, { ...claim, claim_id: 'z' });
    const req = request(data, {
      pattern: 'growth.*-rate*',
      options: { panels: 'one', units: 'percent_per_year' },
    });
    const chart = await renderChart(req, data);
    const drawn = parseSvgText(chart.svg).texts.filter((t) => t.text.includes('Essay: 14 % per year'));
    expect(drawn.length).toBe(1);
  });

  it('names a source’s second figure by its page, never by a bare (2)', () => {
    const data = buildFixture();
    const o = (page: string, ref: string): Observation => ({
      ...data.observations[0]!,
      source_id: 'applebaum-2003',
      page,
      ref,
    });
    expect(observationLabels(data, [o('14', 'a:1'), o('20', 'a:2')])).toEqual([
      'Applebaum 2003, p. 14',
      'Applebaum 2003, p. 20',
    ]);
    expect(observationLabels(data, [o('', 'a:1'), o('', 'a:2')])).toEqual([
      'Applebaum 2003, figure 1',
      'Applebaum 2003, figure 2',
    ]);
  });

  it('shortens authors to surnames and wraps long labels instead of clipping them', () => {
    expect(shortAuthor('Conquest, Robert')).toBe('Conquest');
    expect(shortAuthor('Anderson, Barbara A.; Silver, Brian D.')).toBe('Anderson and Silver');
    expect(shortAuthor('Courtois, Stéphane; Werth, Nicolas; Panné, Jean-Louis')).toBe('Courtois et al.');
    expect(shortAuthor('Walter Duranty')).toBe('Walter Duranty');
    const lines = wrapLabel(
      'Official yearly growth of industrial output (derived from multiples), 1913–1937',
      200,
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(
      'Official yearly growth of industrial output (derived from multiples), 1913–1937',
    );
  });

  it('puts each measure of a series in its own panel, with one unit on each axis', async () => {
    const data = buildFixture();
    const chart = await renderChart(request(data, { kind: 'series', pattern: 'gulag-deaths.*' }), data);
    expect(chart.svg).toContain('persons');
    expect(chart.svg).toMatch(/>%</);
  });
});

describe('chart requests', () => {
  const data = buildFixture();
  it('rejects unknown options and bad values with a sentence', () => {
    expect(
      checkChartRequest(request(data, { pattern: 'famine.*', options: { colour: 'red' } }), data),
    ).toMatch(/unknown option colour="red" for a forest chart \(options: /);
    expect(
      checkChartRequest(request(data, { pattern: 'famine.*', options: { scale: 'cubic' } }), data),
    ).toMatch(/scale="cubic" must be auto, log or linear/);
    expect(
      checkChartRequest(
        request(data, { kind: 'series', pattern: 'output.*', options: { bands: '1932-1928' } }),
        data,
      ),
    ).toMatch(/bands="1932-1928"/);
    expect(
      checkChartRequest(request(data, { kind: 'bars', pattern: 'output.*', options: { as: 'side' } }), data),
    ).toMatch(/need pair/);
    expect(
      checkChartRequest(request(data, { pattern: 'growth.*', options: { panels: 'one' } }), data),
    ).toMatch(/panels="one".*units/);
    expect(checkChartRequest(request(data, { pattern: 'nothing.*' }), data)).toMatch(/matches no measure/);
    expect(
      checkChartRequest(request(data, { pattern: 'famine.*', options: { reference: 'no.such' } }), data),
    ).toMatch(/names no measure/);
    expect(checkChartRequest(request(data, { pattern: 'famine.*' }), data)).toBeNull();
  });

  it('selects a period as the directive writes it', () => {
    const row = { period_start: '1933', period_end: '1937' };
    expect(periodMatches(row, '1933-1937')).toBe(true);
    expect(periodMatches(row, '1933–1937')).toBe(true);
    expect(periodMatches(row, '1933')).toBe(false);
    expect(periodMatches({ period_start: '1937', period_end: '1937' }, '1937')).toBe(true);
    expect(periodMatches({ period_start: '1935-08-31', period_end: '1935-08-31' }, '1935-08-31')).toBe(true);
  });

  it('pairs measures by id part or by pattern', () => {
    const ids = new Set(['a.target.x', 'a.outcome.x', 'out.y', 'a.target.y']);
    const parts = parsePair('target:outcome');
    const pattern = parsePair('a.target.*:a.outcome.*|out.*');
    if (typeof parts === 'string' || typeof pattern === 'string') throw new Error('parse');
    expect(partnerOf('a.target.x', parts, ids)).toBe('a.outcome.x');
    expect(partnerOf('a.target.y', parts, ids)).toBeNull();
    expect(partnerOf('a.target.y', pattern, ids)).toBe('out.y');
    expect(parsePair('a.*:b')).toMatch(/same single \*/);
    expect(parseBands('1928-1932:first,1933-1937')).toEqual([
      { start: 1928, end: 1932, label: 'first' },
      { start: 1933, end: 1937, label: '' },
    ]);
  });

  it('draws a paired target and outcome as a percentage with its figures', async () => {
    const entry = CHARTS.find((c) => c.id === 'plan2')!;
    const chart = await renderChart(requestOf(entry, data), data);
    expect(chart.svg).toMatch(/ of [\d.,]+ Mt \(\d+ %\)/);
    expect(chart.svg).toContain('outcome as % of target');
  });

  it('derives the plotted figures from the data', async () => {
    const changed = buildFixture();
    const steel = changed.reconciled.find((r) => r.measure_id === 'output.steel')!;
    steel.value = 99.9;
    steel.high = 99.9;
    steel.low = 99.9;
    const chart = await renderChart(request(changed, { kind: 'bars', pattern: 'output.steel' }), changed);
    expect(chart.svg).toContain('99.9 Mt');
  });
});

describe('golden charts, one of each kind (update on purpose: npm run golden, then review)', () => {
  const data = buildFixture();
  for (const id of ['forest-famine', 'output', 'record', 'plan2-change']) {
    it(id, async () => {
      const entry = CHARTS.find((c) => c.id === id)!;
      const chart = await renderChart(requestOf(entry, data), data);
      await expect(chart.svg).toMatchFileSnapshot(`golden/charts/${id}.svg`);
    });
  }
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
    expect(out).toContain('aria-label="A &lt;b&gt;"');
  });
  it('reads text sizes out of an SVG', () => {
    const svg = parseSvgText(
      '<svg width="500" height="300"><text font-size="11px">a</text><g><text font-size="8px">1,000</text></g></svg>',
    );
    expect(svg).toEqual({
      width: 500,
      height: 300,
      texts: [
        { text: 'a', fontPx: 11 },
        { text: '1,000', fontPx: 8 },
      ],
    });
  });
});
