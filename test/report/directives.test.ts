import { describe, expect, it } from 'vitest';
import type { ReportFile } from '../../pipeline/core/types.ts';
import { checkChartRequest } from '../../pipeline/report/definition/chart-api.ts';
import { compileReport } from '../../pipeline/report/definition/compile-report.ts';
import { parseFrontMatter } from '../../pipeline/report/definition/front-matter.ts';
import { parseDirectives, placeholder } from '../../pipeline/report/definition/parse-directives.ts';
import { matchPattern } from '../../pipeline/report/definition/pattern.ts';
import { buildFixture } from './fixture.ts';

const data = buildFixture();
const FRONT = '---\ntitle: T\n---\n';

function compile(index: string, chapters: Record<string, string> = {}) {
  const files: ReportFile[] = [
    { name: 'index.md', ref: 'report/index.md', text: index },
    ...Object.entries(chapters).map(([name, text]) => ({ name, ref: `report/${name}`, text })),
  ];
  return compileReport(files, data, checkChartRequest);
}

function errors(index: string, chapters: Record<string, string> = {}): string[] {
  const r = compile(index, chapters);
  return r.ok ? [] : r.errors;
}

describe('directives', () => {
  it('are found with Handlebars, each replaced by a placeholder at its place', () => {
    const p = parseDirectives('A {{figure "x.y" period="1937"}} b.\n\n{{table measures="x.*"}}\n', 5);
    expect(p.errors).toEqual([]);
    expect(p.directives.map((d) => [d.name, d.line, d.alone])).toEqual([
      ['figure', 5, false],
      ['table', 7, true],
    ]);
    expect(p.directives[0]!.hash.period).toEqual({ ok: true, value: '1937' });
    expect(p.markdown).toBe(`A ${placeholder(0)} b.\n\n\n${placeholder(1)}\n\n`);
  });

  it('drop comments and keep escaped braces as text', () => {
    const p = parseDirectives('a {{! a note }} b \\{{figure}} c');
    expect(p.directives).toEqual([]);
    expect(p.markdown).not.toContain('note');
    expect(p.markdown).toContain('{{figure}}');
  });

  it('name the file and the line of every error, all of them collected', () => {
    const index = `${FRONT}# A\n\n{{frobnicate}}\n\n{{chart "pie" measures="output.*" title="x"}}\n\n{{table measures="nothing.*"}}\n\n{{figure "no.such"}}\n`;
    expect(errors(index)).toEqual([
      'report/index.md:6: unknown directive {{frobnicate}} (known: figure, chart, table, claims, methods, flagged, rejects, changes, sources).',
      'report/index.md:8: unknown chart kind "pie" (kinds: forest, series, bars).',
      'report/index.md:10: "nothing.*" matches no measure.',
      'report/index.md:12: unknown measure "no.such" (not in measures.csv).',
    ]);
  });

  it('count lines in chapters from their own first line', () => {
    expect(
      errors(`${FRONT}ok\n`, { '02-b.md': 'one\ntwo {{figure "output.coal" period="1800"}}\n' }),
    ).toEqual([
      'report/02-b.md:2: measure "output.coal" has no figure for period "1800" (it has 13: 1928, 1929, 1930, …, 1939, 1940).',
    ]);
  });

  it('ask for a period when a measure has several, and accept it as a span', () => {
    expect(errors(`${FRONT}{{figure "output.coal"}}\n`)[0]).toMatch(
      /^report\/index\.md:4: measure "output\.coal" has 13 periods \(1928, 1929, 1930, …, 1939, 1940\); say which with period="…"\.$/,
    );
    expect(errors(`${FRONT}{{figure "growth.national-income-official-rate" period="1928–1940"}}\n`)).toEqual(
      [],
    );
    expect(errors(`${FRONT}{{figure "growth.national-income-official-rate" period="1928-1940"}}\n`)).toEqual(
      [],
    );
  });

  it('refuse triple braces, blocks, partials, unquoted arguments and unknown options', () => {
    const e = errors(
      `${FRONT}{{{claims}}}\n{{#each x}}y{{/each}}\n{{> cover}}\n{{figure output.coal}}\n{{table measures="output.*" period="1937"}}\n{{claims "x"}}\n`,
    );
    expect(e).toEqual([
      'report/index.md:4: write {{{claims}}} with two braces: data is always escaped.',
      'report/index.md:5: a block ({{#…}}…{{/…}}) is not a directive; directives are single {{name …}} expressions.',
      'report/index.md:6: partials ({{> …}}) are not directives.',
      'report/index.md:7: quote the argument: {{figure "output.coal"}}.',
      'report/index.md:8: {{table}} takes no period= (it takes measures=).',
      'report/index.md:9: {{claims}} takes no arguments.',
    ]);
  });

  it('say where a directive is not closed', () => {
    expect(errors(`${FRONT}a\nb {{figure "x"\n`)).toEqual([
      expect.stringMatching(/^report\/index\.md:5: a directive is not closed or not well formed/),
    ]);
  });

  it('want a block directive on a line of its own, and a chart with a title', () => {
    expect(errors(`${FRONT}Text {{table measures="output.*"}} more.\n`)).toEqual([
      'report/index.md:4: {{table}} is a block: put it on a line of its own.',
    ]);
    expect(errors(`${FRONT}{{chart "forest" measures="output.*"}}\n`)).toEqual([
      'report/index.md:4: {{chart}} needs a title="…" (the caption and the screen-reader name).',
    ]);
  });

  it('pass chart options on to the kind, which judges them', () => {
    const e = errors(`${FRONT}{{chart "forest" measures="famine.*" title="F" colour="red"}}\n`);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^report\/index\.md:4: unknown option colour="red" for a forest chart/);
    const ok = compile(
      `${FRONT}{{chart "forest" measures="famine.*" title="Famine" scale="log"}}\n{{chart "forest" measures="famine.*" title="Famine"}}\n`,
    );
    expect(ok.ok && ok.report.charts.map((c) => [c.id, c.options, c.measures.length])).toEqual([
      ['forest-famine', { scale: 'log' }, 3],
      ['forest-famine-2', {}, 3],
    ]);
  });

  it('record which measures the report shows and which apparatus it prints', () => {
    const r = compile(
      `${FRONT}{{figure "output.coal" period="1937"}}\n\n{{table measures="famine.*"}}\n\n{{methods}}\n`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.report.shown].sort()).toEqual([
      'famine.kazakhstan-1930-1933',
      'famine.ukraine-1932-1933',
      'famine.ussr-1932-1933',
      'output.coal',
    ]);
    expect([...r.report.apparatus]).toEqual(['methods']);
  });
});

describe('patterns', () => {
  it('match ids with * and commas, in the order given, and name the parts that match nothing', () => {
    const ids = ['a.x', 'a.y', 'b.x', 'c.1'];
    expect(matchPattern('b.*, a.x', ids)).toEqual({ matched: ['a.x', 'b.x'], unmatched: [] });
    expect(matchPattern('*.x', ids).matched).toEqual(['a.x', 'b.x']);
    expect(matchPattern('a.', ids)).toEqual({ matched: [], unmatched: ['a.'] });
    // Regular-expression characters are literal.
    expect(matchPattern('c.(1)', ['c.(1)', 'c.1']).matched).toEqual(['c.(1)']);
  });
});

describe('front matter', () => {
  it('gives the identity, with defaults', () => {
    const r = parseFrontMatter(
      '---\ntitle: A\nessay:\n  title: E\n  year: 1999\n---\nbody\n',
      'report/index.md',
    );
    expect(r.ok && r.identity).toEqual({
      title: 'A',
      subtitle: '',
      author: '',
      publisher: '',
      language: 'en',
      essay: { title: 'E', author: '', year: '1999' },
    });
    expect(r.ok && [r.bodyLine, r.body]).toEqual([7, 'body\n']);
  });

  it('names the line of a missing title, an unknown field and bad YAML', () => {
    expect(parseFrontMatter('---\nsubtitle: x\n---\n', 'report/index.md')).toEqual({
      ok: false,
      errors: ['report/index.md:2: title: Invalid input: expected string, received undefined.'],
    });
    const unknown = parseFrontMatter('---\ntitle: x\nauthor: y\ntitel: z\n---\n', 'report/index.md');
    expect(unknown.ok || unknown.errors[0]).toMatch(
      /^report\/index\.md:2: front matter: unknown field titel/,
    );
    const bad = parseFrontMatter('---\ntitle: x\nessay: [a\n---\n', 'report/index.md');
    expect(bad.ok || bad.errors[0]).toMatch(/^report\/index\.md:\d: the front matter is not valid YAML/);
    expect(parseFrontMatter('no front matter', 'report/index.md')).toEqual({
      ok: false,
      errors: ['report/index.md:1: the file must start with a front matter (--- title: … ---).'],
    });
  });
});

describe('hidden characters in the report text', () => {
  // An override in the prose reached report.html as it was ("102 t" shows as "t 201").
  it.each([
    ['\u202e', 'U+202E right-to-left override'],
    ['\u200b', 'U+200B zero width space'],
    ['\u0000', 'U+0000 NUL'],
    [String.fromCodePoint(0xe0068), 'U+E0068'],
  ])('%j is an error naming file:line', (c, name) => {
    const all = errors(`${FRONT}First line.\n\nThe record${c} shift.\n`, { '02-b.md': `ok\nx${c}\n` });
    const e = all.filter((m) => m.includes(': the line holds '));
    expect(e).toHaveLength(2);
    expect(e[0]).toMatch(/^report\/index\.md:6: the line holds /);
    expect(e[0]).toContain(name);
    expect(e[1]).toMatch(/^report\/02-b\.md:2: /);
  });
  it('leaves plain text, Cyrillic and Hebrew be', () => {
    expect(errors(`${FRONT}Зимний дворец, עברית, tabs\tand CRLF\r\n`)).toEqual([]);
  });
});
