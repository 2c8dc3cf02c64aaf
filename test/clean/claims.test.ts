// claims.csv's reading columns (claim, quote, as, stance) and the quote check against the essay.
import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../../pipeline/core/types.ts';
import {
  checkClaimReadings,
  normaliseQuoteText,
  quoteOffset,
} from '../../pipeline/data/clean/check-quotes.ts';
import { cleanData } from '../../pipeline/data/clean/clean.ts';
import { ingestEssay } from '../../pipeline/data/ingest/essay.ts';
import { ingestOf, MEASURES, SOURCES } from './helpers.ts';

const ESSAY = `The record. Stakhanov cut 102 tonnes
of coal in  one shift, "more than fourteen times" his quota.\r\nSome 11 million were held.`;

function clean(claims: string, essay: string | null = ESSAY) {
  const ingest: IngestResult = {
    ...ingestOf({ 'sources.csv': SOURCES, 'measures.csv': MEASURES, 'claims.csv': claims }),
    essay: essay === null ? null : { path: 'essay.txt', text: essay },
  };
  return cleanData(ingest);
}

describe('claims.csv reading columns', () => {
  it('defaults claim to the claim_id, as to stated, stance to asserts (old claims.csv files still clean)', () => {
    const r = clean('claim_id,measure_id,claimed,period\ness-01,record.stakhanov-tonnes,102 t,1935\n', null);
    expect(r.claims).toMatchObject([{ claim: 'ess-01', quote: '', as: 'stated', stance: 'asserts' }]);
    expect(r.problems.filter((p) => p.kind !== 'warning')).toEqual([]);
    expect(r.essay).toBeNull();
  });

  it('reads claim, quote, as and stance', () => {
    const r = clean(
      `claim_id,claim,measure_id,claimed,period,quote,as,stance
ess-04-flow,ess-04,gulag-pop.camps,~11 million,1951,Some 11 million were held,misattributed,disputes
`,
    );
    expect(r.claims).toMatchObject([
      {
        claim_id: 'ess-04-flow',
        claim: 'ess-04',
        as: 'misattributed',
        stance: 'disputes',
        quote: 'Some 11 million were held',
      },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.essay).toBe(ESSAY);
  });

  it('rejects a row with an unknown as or stance, with a suggestion, and keeps the others', () => {
    const r = clean(
      `claim_id,measure_id,claimed,period,as,stance
a,record.stakhanov-tonnes,102 t,1935,misatributed,
b,record.stakhanov-tonnes,102 t,1935,,dispute
c,record.stakhanov-tonnes,102 t,1935,,
`,
      null,
    );
    expect(r.claims.map((c) => c.claim_id)).toEqual(['c']);
    expect(r.rejects.map((x) => [x.ref, x.reason])).toEqual([
      [
        'claims.csv:2',
        'unknown as "misatributed"; use stated or misattributed; did you mean "misattributed"?',
      ],
      ['claims.csv:3', 'unknown stance "dispute"; use asserts or disputes; did you mean "disputes"?'],
    ]);
  });

  it('is fatal when claim is not a plain name', () => {
    const r = clean('claim_id,claim,measure_id,claimed\na,Ess 4,record.stakhanov-tonnes,102 t\n', null);
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'bad-id', ref: 'claims.csv:2' }]);
  });
});

describe('quotes are the essay’s words', () => {
  it('finds a quote across a line break and a run of spaces (only white space is normalised)', () => {
    const r = clean(
      `claim_id,measure_id,claimed,quote
a,record.stakhanov-tonnes,102 t,Stakhanov cut 102 tonnes of coal in one shift
b,record.stakhanov-tonnes,102 t,"more than fourteen times" his quota. Some 11
`,
    );
    expect(r.problems).toEqual([]);
  });

  it('is fatal, naming claims.csv:LINE, when the quote is not in the essay', () => {
    const r = clean(
      `claim_id,measure_id,claimed,quote
a,record.stakhanov-tonnes,102 t,Stakhanov cut 102 tonnes
b,record.stakhanov-tonnes,102 t,stakhanov cut 102 tonnes
c,record.stakhanov-tonnes,102 t,more than 14 times
`,
    );
    const fatal = r.problems.filter((p) => p.kind === 'fatal');
    expect(fatal.map((p) => [p.code, p.ref])).toEqual([
      ['quote-not-found', 'claims.csv:3'],
      ['quote-not-found', 'claims.csv:4'],
    ]);
    expect(fatal[0]?.message).toContain(
      'claims.csv:3: the quote of claim b ("stakhanov cut 102 tonnes") is not in essay.txt',
    );
  });

  it('warns of a reading without a quote when there is an essay, and checks nothing without one', () => {
    const claims =
      'claim_id,measure_id,claimed,quote\na,record.stakhanov-tonnes,102 t,\nb,record.stakhanov-tonnes,102 t,not in any essay\n';
    expect(clean(claims).problems.map((p) => [p.kind, p.code, p.ref])).toEqual([
      ['warning', 'no-quote', 'claims.csv:2'],
      ['fatal', 'quote-not-found', 'claims.csv:3'],
    ]);
    expect(clean(claims, null).problems).toEqual([]);
  });

  it('is fatal when the readings of one claim differ in stance', () => {
    const r = clean(
      `claim_id,claim,measure_id,claimed,stance
a,x,record.stakhanov-tonnes,102 t,disputes
b,x,record.stakhanov-tonnes,100 t,
`,
      null,
    );
    expect(r.problems).toMatchObject([{ kind: 'fatal', code: 'stance-mismatch', ref: 'claims.csv:3' }]);
  });

  it('normalises NFC and white space only', () => {
    expect(normaliseQuoteText(' a\u00a0\tb\r\n\r\nc ')).toBe('a b c');
    expect(normaliseQuoteText('e\u0301')).toBe('\u00e9');
    expect(quoteOffset('say “yes” now', '"yes"')).toBe(-1);
    expect(quoteOffset('say “yes” now', '“yes”')).toBe(4);
    expect(quoteOffset('abc', '')).toBe(-1);
    expect(checkClaimReadings([], null)).toEqual([]);
  });
});

describe('ingestEssay', () => {
  it('decodes UTF-8, dropping a BOM, and is fatal on other bytes', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Ведь')]);
    expect(ingestEssay({ path: 'essay.txt', bytes: bom }).essay).toEqual({ path: 'essay.txt', text: 'Ведь' });
    expect(ingestEssay({ path: 'essay.md', bytes: new Uint8Array([0xff, 0x41]) }).problems).toMatchObject([
      { kind: 'fatal', code: 'not-utf8', ref: 'essay.md' },
    ]);
    expect(ingestEssay(null)).toEqual({ essay: null, problems: [] });
  });
});
