import { describe, expect, it } from 'vitest';
import type { RawInput } from '../../pipeline/core/types.ts';
import { readCatalog } from '../../pipeline/data/clean/catalog.ts';
import { ingest } from '../../pipeline/data/ingest/ingest.ts';
import { kindOfPath } from '../../pipeline/data/ingest/schema.ts';

const input = (path: string, text: string): RawInput => ({
  path,
  kind: kindOfPath(path) ?? 'observations',
  bytes: Buffer.from(text),
});
const MEASURES = input('measures.csv', 'measure_id,label,unit,definition\nm,M,t,d\n');

const BIB = `% Exported from a reference manager
@string{oup = "Oxford University Press"}

@book{conquest-1990,
  author    = {Conquest, Robert},
  title     = {The Great Terror: A Reassessment},
  year      = {1990},
  publisher = oup,
  keywords  = {scholarly, terror},
}

@report{gosplan-1938,
  author = {{Gosplan SSSR}},
  title  = {Explanatory note on the results},
  year   = {1938},
  kind   = {archival},
  langid = {russian},
}

@online{undated-page,
  author  = {{Wikipedia contributors}},
  title   = {A page},
  urldate = {2026-01-05},
  url     = {https://example.org/page},
  note    = {kind: reference
locale: de
Read in a machine translation.},
}
`;

const CSL_JSON = `[
  {
    "id": "siegelbaum-1988",
    "type": "book",
    "title": "Stakhanovism and the Politics of Productivity",
    "author": [{ "family": "Siegelbaum", "given": "Lewis H." }],
    "issued": { "date-parts": [[1988]] },
    "publisher": "Cambridge University Press",
    "note": "kind: scholarly"
  },
  {
    "id": "http://zotero.org/users/1/items/ABCD",
    "citation-key": "davies-wheatcroft-2004",
    "type": "book",
    "title": "The Years of Hunger",
    "author": [
      { "family": "Davies", "given": "R. W." },
      { "family": "Wheatcroft", "given": "Stephen G." }
    ],
    "issued": { "date-parts": [[2004]] },
    "language": "en-GB",
    "kind": "scholarly"
  }
]
`;

describe('sources.bib and sources.json', () => {
  it('read BibTeX into source rows named by citation key, with kind and locale from a field, a note or a keyword', () => {
    const result = ingest([input('sources.bib', BIB), MEASURES]);
    expect(result.problems).toEqual([]);
    const catalog = readCatalog(result.files);
    expect(catalog.problems).toEqual([]);
    expect(catalog.sources).toEqual([
      {
        source_id: 'conquest-1990',
        author: 'Conquest, Robert',
        title: 'The Great Terror: A Reassessment',
        year: '1990',
        kind: 'scholarly',
        publisher: 'Oxford University Press',
        url: '',
        locale: 'en',
        notes: '',
        ref: 'sources.bib:4',
      },
      expect.objectContaining({
        source_id: 'gosplan-1938',
        author: '{Gosplan SSSR}',
        kind: 'archival',
        locale: 'ru',
        ref: 'sources.bib:12',
      }),
      expect.objectContaining({
        source_id: 'undated-page',
        year: 'n.d. (accessed 2026)',
        kind: 'reference',
        locale: 'de',
        notes: 'Read in a machine translation.',
        url: 'https://example.org/page',
        ref: 'sources.bib:20',
      }),
    ]);
  });

  it('reads CSL JSON as Zotero exports it (citation-key before id; the Extra field in note)', () => {
    const result = ingest([input('sources.json', CSL_JSON), MEASURES]);
    expect(result.problems).toEqual([]);
    const catalog = readCatalog(result.files);
    expect(catalog.problems).toEqual([]);
    expect(catalog.sources.map((s) => [s.source_id, s.author, s.year, s.kind, s.locale, s.ref])).toEqual([
      [
        'davies-wheatcroft-2004',
        'Davies, R. W.; Wheatcroft, Stephen G.',
        '2004',
        'scholarly',
        'en',
        'sources.json:12',
      ],
      ['siegelbaum-1988', 'Siegelbaum, Lewis H.', '1988', 'scholarly', 'en', 'sources.json:3'],
    ]);
  });

  it('takes sources.csv, sources.bib and sources.json together; the same id in two of them is fatal', () => {
    const csv = input(
      'sources.csv',
      'source_id,author,title,year,kind\nconquest-1990,Robert Conquest,The Great Terror,1990,scholarly\nother,A. Person,T,2001,popular\n',
    );
    const result = ingest([csv, input('sources.bib', BIB), input('sources.json', CSL_JSON), MEASURES]);
    expect(result.problems).toEqual([]);
    const catalog = readCatalog(result.files);
    expect(catalog.sources.map((s) => s.source_id)).toContain('other');
    expect(catalog.sources.map((s) => s.source_id)).toContain('siegelbaum-1988');
    expect(catalog.problems).toEqual([
      {
        kind: 'fatal',
        code: 'duplicate-id',
        ref: 'sources.csv:2',
        message: 'duplicate source_id "conquest-1990": sources.bib:4 and sources.csv:2',
      },
    ]);
  });

  it('needs no sources.csv when there is a bibliography; without any it says how to add one', () => {
    expect(ingest([input('sources.json', CSL_JSON), MEASURES]).problems).toEqual([]);
    const [missing] = ingest([MEASURES]).problems;
    expect(missing?.ref).toBe('sources.csv');
    expect(missing?.message).toContain('sources.bib (BibTeX) or sources.json (CSL JSON)');
  });

  it('names the entry of a BibTeX syntax error and the file of broken JSON', () => {
    const bad = ingest([
      input(
        'sources.bib',
        '@book{ok, title = {A}, year = 1990}\n\n@book{broken,\n  title = {Unclosed,\n  year = 1990\n}\n',
      ),
      MEASURES,
    ]);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatchObject({ kind: 'fatal', code: 'bad-bibliography', ref: 'sources.bib:3' });
    expect(bad.problems[0]?.message).toMatch(/^sources\.bib:3 is not valid BibTeX/);
    const json = ingest([input('sources.json', '[{"id": "a",}]'), MEASURES]);
    expect(json.problems[0]).toMatchObject({ code: 'bad-bibliography', ref: 'sources.json:1' });
    const notItems = ingest([input('sources.json', '[{"title": "no id"}]'), MEASURES]);
    expect(notItems.problems[0]?.message).toContain('not a CSL JSON item');
  });

  it('says where a bibliography entry gives its kind when it has none, and rejects a key that is not a plain name', () => {
    const bib = '@book{Smith1990,\n  author = {Smith, John},\n  title = {T},\n  year = {1990}\n}\n';
    const catalog = readCatalog(ingest([input('sources.bib', bib), MEASURES]).files);
    const codes = catalog.problems.map((p) => [p.code, p.ref]);
    expect(codes).toEqual([['bad-id', 'sources.bib:1']]);
    const noKind = '@book{smith-1990,\n  author = {Smith, John},\n  title = {T},\n  year = {1990}\n}\n';
    const [problem] = readCatalog(ingest([input('sources.bib', noKind), MEASURES]).files).problems;
    expect(problem).toMatchObject({ code: 'unknown-kind', ref: 'sources.bib:1' });
    expect(problem?.message).toContain('a line "kind: …" in its note');
  });

  it('keeps an editor as an editor, and a circa year', () => {
    const bib =
      '@collection{millar-2004,\n  editor = {Millar, James R.},\n  title = {Encyclopedia},\n  date = {2004},\n  keywords = {reference}\n}\n';
    const [source] = readCatalog(ingest([input('sources.bib', bib), MEASURES]).files).sources;
    expect(source?.author).toBe('Millar, James R. (ed.)');
    const json =
      '[{"id": "c", "type": "book", "title": "T", "issued": {"date-parts": [[1936]], "circa": true}, "note": "kind: popular"}]';
    const [circa] = readCatalog(ingest([input('sources.json', json), MEASURES]).files).sources;
    expect(circa?.year).toBe('c. 1936');
  });
});
