import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHidden } from '../../pipeline/core/hidden-chars.ts';
import type { RawInput } from '../../pipeline/core/types.ts';
import { ingest, ingestFile } from '../../pipeline/data/ingest/ingest.ts';
import { parseCsv } from '../../pipeline/data/ingest/parse-csv.ts';

const file = (
  path: string,
  text: string | Uint8Array,
  kind: RawInput['kind'] = 'observations',
): RawInput => ({
  path,
  kind,
  bytes: typeof text === 'string' ? Buffer.from(text) : text,
});

describe('parseCsv', () => {
  it('keeps physical lines across comments, blank lines, CRLF and quoted newlines', () => {
    const text = '# comment\r\na,b\r\n\r\n1,"two\nlines"\n# another\n3,4\n';
    const parsed = parseCsv(text);
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 2, fields: ['a', 'b'] },
        { line: 4, fields: ['1', 'two\nlines'] },
        { line: 7, fields: ['3', '4'] },
      ],
    });
  });
  it('reports an unclosed quote at the line it opens', () => {
    expect(parseCsv('a,b\n1,2\n3,"oops\n4,5\n')).toEqual({ ok: false, line: 3, reason: 'unclosed-quote' });
  });
  it('keeps a # inside a quoted field', () => {
    const parsed = parseCsv('a\n"x\n# not a comment"\n');
    expect(parsed.ok && parsed.records[1]?.fields[0]).toBe('x\n# not a comment');
  });
});

describe('ingestFile', () => {
  it('gives refs with file and line, trims cells, lower-cases headers, strips a BOM', () => {
    const { file: f, problems } = ingestFile(
      file('observations/x.csv', '\ufeffMeasure_ID , Period,Value\n# c\n m ,1937, 102 t \n'),
    );
    expect(problems).toEqual([]);
    expect(f?.records).toEqual([
      { ref: 'observations/x.csv:3', line: 3, cells: { measure_id: 'm', period: '1937', value: '102 t' } },
    ]);
  });
  it('is fatal on an empty file, naming it', () => {
    const { problems } = ingestFile(file('observations/x.csv', ''));
    expect(problems[0]).toMatchObject({ kind: 'fatal', code: 'empty-file', ref: 'observations/x.csv' });
  });
  it('accepts a header-only file with no rows', () => {
    const { file: f, problems } = ingestFile(file('observations/x.csv', 'measure_id,period,value\n'));
    expect(problems).toEqual([]);
    expect(f?.records).toEqual([]);
  });
  it('names the line of invalid UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('measure_id,period,value\nm,1937,1\nm,1938,'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n'),
    ]);
    const { problems } = ingestFile(file('observations/x.csv', bytes));
    expect(problems[0]).toMatchObject({ kind: 'fatal', code: 'not-utf8', ref: 'observations/x.csv:3' });
  });
  it('reads UTF-8 beyond ASCII exactly: Cyrillic, Unicode spaces trimmed, NBSP-only lines blank', () => {
    // Bytes 0xA0 and 0x85 end many two-byte characters (Р is D0 A0, Ņ C5 85): cells are decoded before
    // trimming.
    const text =
      '\ufeffMEASURE_ID,period,Value,note\n' +
      '\u00a0\u3000\n' +
      '\u00a0# a comment after a no-break space\n' +
      'm,1937,"\u00a0около 4,1 млн\u2003",Р\n' +
      'm,1938,"5,5 млн, Ѕ",…\u0145\n' +
      'Й,1939,1,"two\nлинии"\n';
    const { file: f, problems } = ingestFile(file('observations/x.csv', text));
    expect(problems).toEqual([]);
    expect(f?.columns).toEqual(['measure_id', 'period', 'value', 'note']);
    expect(f?.records.map((r) => [r.line, r.cells])).toEqual([
      [4, { measure_id: 'm', period: '1937', value: 'около 4,1 млн', note: 'Р' }],
      [5, { measure_id: 'm', period: '1938', value: '5,5 млн, Ѕ', note: '…\u0145' }],
      [6, { measure_id: 'Й', period: '1939', value: '1', note: 'two\nлинии' }],
    ]);
  });
  it('reads any text as TextDecoder does, cell for cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: 3, maxLength: 3 }), {
          maxLength: 6,
        }),
        (rows) => {
          const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
          const text = ['measure_id,period,value', ...rows.map((r) => r.map(quote).join(','))].join('\n');
          const { file: f } = ingestFile(file('observations/x.csv', text));
          // Less what hidden-chars.ts takes out: rows with a control or bidi character, invisible marks.
          const stops = (cell: string) => {
            const kind = findHidden(cell)?.kind;
            return kind === 'control' || kind === 'bidi';
          };
          const shown = (cell: string) => {
            const found = findHidden(cell);
            return (found?.kind === 'invisible' ? found.stripped : cell).trim();
          };
          const expected = rows
            .filter((r) => !r.some(stops))
            .map((r) => ({ measure_id: shown(r[0]!), period: shown(r[1]!), value: shown(r[2]!) }));
          expect(f?.records.map((rec) => rec.cells)).toEqual(expected);
        },
      ),
    );
  });
  it('names every missing required column', () => {
    const { problems } = ingestFile(file('sources.csv', 'source_id,title\n', 'sources'));
    expect(problems[0]?.message).toContain('"author", "year", "kind"');
  });
  it('warns on an unknown column and keeps going', () => {
    const { file: f, problems } = ingestFile(
      file('observations/x.csv', 'measure_id,period,value,colour\nm,1937,1,red\n'),
    );
    expect(problems).toMatchObject([{ kind: 'warning', code: 'unknown-column' }]);
    expect(f?.records).toHaveLength(1);
  });
  it('rejects an observation row with extra cells', () => {
    const { problems } = ingestFile(file('observations/x.csv', 'measure_id,period,value\nm,1937,1,000 t\n'));
    expect(problems).toMatchObject([{ kind: 'reject', ref: 'observations/x.csv:2' }]);
  });
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = ingestFile(file('observations/x.csv', bytes));
        expect(Array.isArray(result.problems)).toBe(true);
      }),
    );
  });
  it('never throws on random CSV text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }), { maxLength: 10 }),
        (rows) => {
          const text = ['measure_id,period,value', ...rows.map((r) => r.join(','))].join('\n');
          const result = ingestFile(file('observations/x.csv', text));
          for (const p of result.problems) expect(p.ref.startsWith('observations/x.csv')).toBe(true);
        },
      ),
    );
  });
});

describe('ingest', () => {
  it('is fatal when sources.csv or measures.csv is missing', () => {
    const result = ingest([file('observations/x.csv', 'measure_id,period,value\n')]);
    expect(result.problems.map((p) => p.ref)).toEqual(['sources.csv', 'measures.csv']);
  });
});
