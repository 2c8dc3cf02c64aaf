import { describe, expect, it } from 'vitest';
import type { Problem } from '../../pipeline/core/types.ts';
import { cleanData, sourceIdOf } from '../../pipeline/data/clean/clean.ts';
import { OBSERVATION_COLUMNS, REJECT_COLUMNS, toCsv } from '../../pipeline/io/write-csv.ts';
import { ingestOf, MEASURES, SOURCES } from './helpers.ts';

const fatals = (problems: Problem[]) =>
  problems.filter((p) => p.kind === 'fatal').map((p) => `${p.ref}: ${p.message}`);

describe('cleanData: observations', () => {
  const result = cleanData(
    ingestOf({
      'sources.csv': SOURCES,
      'measures.csv': MEASURES,
      'observations/zemskov-1991.csv': `measure_id,period,value,unit,page,status,note
gulag-pop.camps,1951-01-01,1 533 767,,p. 12,,
# a comment line
gulag-pop.camps,1938-01-01,около 1|8 млн,,,unverified,rounded
output.coal,1937,"128,0",,,derived,
gulag-pop.camps,1951-01-01,1 533 767,,,,
gulag-pop.camps,1937-1933,5,,,,
gulag-pop.camps,1939,5 milion,,,,
gulag-pop.camps,1939,5,,,verifed,
gulag-pop.camp,1939,5,,,,
output.coal,1937,17.7,hours,,,
`.replace('"128,0"', '128|0'),
      'observations/wheatcroft-1996.csv': `measure_id,period,value,unit
gulag-pop.camps,1951-01-01,approx. 2.5 million,
output.coal,1933-37,17.7 million,
output.coal,1937,"17,700,000 tonnes",
record.stakhanov-tonnes,1935-08-31,102 t,
`.replace('"17,700,000 tonnes"', '17|700|000 tonnes'),
    }),
  );

  it('has no fatal problems', () => expect(fatals(result.problems)).toEqual([]));

  it('cleans rows into the measure unit, sorted by measure, period, source and ref', () => {
    expect(toCsv(OBSERVATION_COLUMNS, result.observations)).toBe(
      [
        OBSERVATION_COLUMNS.join(','),
        'zemskov-1991,gulag-pop.camps,1938-01-01,1938-01-01,1800000,1800000,1800000,persons,approx,unverified,,"около 1,8 млн",observations/zemskov-1991.csv:4',
        'wheatcroft-1996,gulag-pop.camps,1951-01-01,1951-01-01,2500000,2500000,2500000,persons,approx,verified,,approx. 2.5 million,observations/wheatcroft-1996.csv:2',
        'zemskov-1991,gulag-pop.camps,1951-01-01,1951-01-01,1533767,1533767,1533767,persons,exact,verified,p. 12,1 533 767,observations/zemskov-1991.csv:2',
        'wheatcroft-1996,output.coal,1937,1937,17.7,17.7,17.7,Mt,exact,verified,,"17,700,000 tonnes",observations/wheatcroft-1996.csv:4',
        'zemskov-1991,output.coal,1937,1937,128,128,128,Mt,exact,derived,,"128,0",observations/zemskov-1991.csv:5',
        'wheatcroft-1996,record.stakhanov-tonnes,1935-08-31,1935-08-31,102,102,102,t,exact,verified,,102 t,observations/wheatcroft-1996.csv:5',
        '',
      ].join('\n'),
    );
    expect(result.observations.find((o) => o.ref.endsWith(':4'))?.note).toBe('rounded');
  });

  it('rejects rows it cannot clean, with reasons, sorted by ref', () => {
    expect(result.rejects.map((r) => `${r.ref} | ${r.raw} | ${r.reason}`)).toEqual([
      'observations/wheatcroft-1996.csv:3 | 17.7 million | "17.7 million" has a magnitude ("million") but no unit, which is ambiguous for a measure in Mt; write the unit (e.g. "17.7 million t") or the figure in Mt',
      'observations/zemskov-1991.csv:6 | 1 533 767 | duplicate of observations/zemskov-1991.csv:2',
      'observations/zemskov-1991.csv:7 | 5 | period "1937-1933" ends before it starts',
      'observations/zemskov-1991.csv:8 | 5 milion | unknown word "milion" in "5 milion"; did you mean "million"?',
      'observations/zemskov-1991.csv:9 | 5 | unknown status "verifed"; use verified, unverified or derived; did you mean "verified"?',
      'observations/zemskov-1991.csv:10 | 5 | unknown measure "gulag-pop.camp"; add it to measures.csv or fix the id; did you mean "gulag-pop.camps"?',
      'observations/zemskov-1991.csv:11 | 17.7 | unit "hours" cannot become the measure\'s unit Mt (use Mt, kt, t or a mass word like "million tonnes")',
    ]);
    expect(result.problems.filter((p) => p.kind === 'reject')).toHaveLength(7);
    expect(toCsv(REJECT_COLUMNS, result.rejects).split('\n')[0]).toBe('ref,raw,reason');
  });

  it('returns sources and measures sorted by id, with defaults', () => {
    expect(result.sources.map((s) => `${s.source_id}:${s.locale}`)).toEqual([
      'annales-1936:fr',
      'wheatcroft-1996:en',
      'zemskov-1991:ru',
    ]);
    expect(result.measures.map((m) => m.measure_id)).toEqual([
      'growth.multiple',
      'growth.rate',
      'gulag-pop.camps',
      'output.coal',
      'record.norm-tonnes',
      'record.stakhanov-multiple',
      'record.stakhanov-tonnes',
    ]);
    const coal = result.measures.find((m) => m.measure_id === 'output.coal')!;
    expect(coal).toMatchObject({
      tolerance: 0.05,
      method: { type: 'median' },
      method_text: 'median',
      unit: 'Mt',
    });
    const camps = result.measures.find((m) => m.measure_id === 'gulag-pop.camps')!;
    expect(camps).toMatchObject({ tolerance: 0.1, method_text: 'median' });
    expect(result.measures.find((m) => m.measure_id === 'growth.rate')!.method).toEqual({
      type: 'cagr',
      measure: 'growth.multiple',
      start: 1928,
      end: 1940,
    });
    expect(result.measures.find((m) => m.measure_id === 'growth.multiple')!.method).toEqual({
      type: 'priority',
      order: ['official', 'scholarly'],
    });
  });

  it('duplicates are per file: the same figure from two sources is kept', () => {
    const r = cleanData(
      ingestOf({
        'sources.csv': SOURCES,
        'measures.csv': MEASURES,
        'observations/zemskov-1991.csv': 'measure_id,period,value\ngulag-pop.camps,1939,5\n',
        'observations/wheatcroft-1996.csv':
          'measure_id,period,value\ngulag-pop.camps,1939,5\ngulag-pop.camps,1939,5\n',
      }),
    );
    expect(r.observations).toHaveLength(2);
    expect(r.rejects).toEqual([
      {
        ref: 'observations/wheatcroft-1996.csv:3',
        raw: '5',
        reason: 'duplicate of observations/wheatcroft-1996.csv:2',
      },
    ]);
  });
});

describe('cleanData: claims', () => {
  const result = cleanData(
    ingestOf({
      'sources.csv': SOURCES,
      'measures.csv': MEASURES,
      'claims.csv': `claim_id,measure_id,claimed,period,summary
ess-04,gulag-pop.camps,~11 million,,Gulag population
ess-03,record.stakhanov-multiple,more than 14 times,1935-08-31,Record multiple
ess-09,record.stakhanov-tonnes,102 t,1935-02-30,Bad period
ess-10,gulag-pop.camps,eleven million,,Words
ess-01,growth.rate,14 percent,1928-1940,GNP growth
`,
    }),
  );
  it('parses claimed values into the measure unit; period optional', () => {
    expect(fatals(result.problems)).toEqual([]);
    expect(
      result.claims.map((c) => [c.claim_id, c.claimed, c.period_start, c.period_end, c.claimed_raw]),
    ).toEqual([
      ['ess-01', 14, '1928', '1940', '14 percent'],
      ['ess-03', 14, '1935-08-31', '1935-08-31', 'more than 14 times'],
      ['ess-04', 11_000_000, '', '', '~11 million'],
    ]);
    expect(result.rejects.map((r) => r.ref)).toEqual(['claims.csv:4', 'claims.csv:5']);
    expect(result.rejects[0]!.reason).toBe(
      'period "1935-02-30" is not a real date: February 1935 has 28 days',
    );
    expect(result.rejects[1]!.reason).toContain('unknown word "eleven"');
  });
});

describe('cleanData: fatal catalog problems, all collected', () => {
  const result = cleanData(
    ingestOf({
      'sources.csv': `source_id,author,title,year,kind,locale
zemskov-1991,Zemskov,Gulag,1991,archival,ru
zemskov-1991,Zemskov,Again,1991,archival,ru
Bad Id,X,Y,1990,archival,
a..b,X,Y,1990,archival,
x/y,X,Y,1990,archival,
pop-1,X,Y,n.d.,scholar,es
`,
      'measures.csv': `measure_id,label,unit,definition,method,tolerance
m.a,A,persons,d,,
m.a,A again,persons,d,,
m.b,B,tonnes,d,,
m.c,C,multiple,d,mean,
m.d,D,multiple,d,,ten
m.e,E,multiple,d,ratio:m.f/m.nope,
m.f,F,multiple,d,cagr:m.g,
m.g,G,multiple,d,ratio:m.e/m.a,
m.h,H,multiple,d,priority:archival>gossip,
m.i,I,multiple,d,,1.5
m.j,J,multiple,d,cagr:m.j,
`,
      'claims.csv': `claim_id,measure_id,claimed
c1,m.a,5
c1,m.a,6
c2,m.unknown,5
`,
      'observations/zemskov-1991.csv': 'measure_id,period,value\nm.a,1937,5\nm.b,1937,5\n',
      'observations/nobody.csv': 'measure_id,period,value\nm.a,1937,5\n',
    }),
  );
  const messages = fatals(result.problems);

  it.each([
    'sources.csv:3: duplicate source_id "zemskov-1991": sources.csv:2 and sources.csv:3',
    'sources.csv:4: source_id "Bad Id" is not a plain name',
    'sources.csv:5: source_id "a..b" is not a plain name',
    'sources.csv:6: source_id "x/y" is not a plain name',
    'sources.csv:7: unknown kind "scholar" for source "pop-1"; use archival, official, scholarly, reference, memoir, propaganda or popular; did you mean "scholarly"?',
    'sources.csv:7: unknown locale "es" for source "pop-1"',
    'sources.csv:7: year "n.d." of source "pop-1" has no four-digit year',
    'measures.csv:3: duplicate measure_id "m.a": measures.csv:2 and measures.csv:3',
    'measures.csv:4: unknown unit "tonnes" for measure "m.b"; use t, kt, Mt, persons',
    'measures.csv:5: measure "m.c": unknown method "mean"',
    'measures.csv:6: tolerance "ten" of measure "m.d"',
    'measures.csv:7: measure "m.e" (method ratio:m.f/m.nope) names an unknown measure "m.nope"',
    'derivation cycle: m.e → m.f → m.g → m.e',
    'derivation cycle: m.j → m.j',
    'measures.csv:10: measure "m.h": unknown kind "gossip"',
    'measures.csv:11: tolerance "1.5"',
    'claims.csv:3: duplicate claim_id "c1": claims.csv:2 and claims.csv:3',
    'claims.csv:4: claim "c2" names unknown measure "m.unknown"',
    'observations/nobody.csv: observations/nobody.csv has no row in sources.csv: add a source with source_id "nobody"',
  ])('%s', (expected) => {
    expect(messages.some((m) => m.includes(expected))).toBe(true);
  });

  it('does not cascade: rows of a broken measure are not also rejected', () => {
    expect(result.rejects).toEqual([]);
    expect(result.observations.map((o) => o.measure_id)).toEqual(['m.a']);
  });

  it('reports each cycle once', () => {
    expect(messages.filter((m) => m.includes('derivation cycle')).length).toBe(2);
  });
});

describe('cleanData: a long chain of derived measures', () => {
  it('finds a cycle of 20,000 measures once, without recursion', () => {
    const n = 20_000;
    const rows = Array.from({ length: n }, (_, i) => `d${i},D,multiple,d,cagr:d${(i + 1) % n},`);
    const result = cleanData(
      ingestOf({
        'sources.csv': SOURCES,
        'measures.csv': `measure_id,label,unit,definition,method,tolerance\n${rows.join('\n')}\n`,
      }),
    );
    const cycles = fatals(result.problems).filter((m) => m.includes('derivation cycle'));
    expect(cycles.length).toBe(1);
    expect(cycles[0]).toContain('derivation cycle: d0 → d1 → d2');
  });
});

describe('sourceIdOf', () => {
  it.each([
    ['observations/zemskov-1991.csv', 'zemskov-1991'],
    ['observations/a.b.csv', 'a.b'],
  ])('%s → %s', (path, id) => expect(sourceIdOf(path)).toBe(id));
});
