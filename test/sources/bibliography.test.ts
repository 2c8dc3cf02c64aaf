import { describe, expect, it } from 'vitest';
import type { Source } from '../../pipeline/core/types.ts';
import {
  formatBibliography,
  formatReference,
  parseContributors,
  referenceYear,
} from '../../pipeline/report/sources/bibliography.ts';

const source = (over: Partial<Source>): Source => ({
  source_id: 'x',
  author: '',
  title: 'A Title',
  year: '2000',
  kind: 'scholarly',
  publisher: '',
  url: '',
  locale: 'en',
  notes: '',
  ref: 'sources.csv:2',
  ...over,
});
const text = (over: Partial<Source>) => formatReference(source(over)).text;

describe('Chicago author-date references', () => {
  it('writes "Surname, Given. Year. Title. Publisher." from either order of a person\'s name', () => {
    const inverted = text({
      author: 'Conquest, Robert',
      title: 'The Great Terror',
      year: '1968',
      publisher: 'Macmillan',
    });
    const natural = text({
      author: 'Robert Conquest',
      title: 'The Great Terror',
      year: '1968',
      publisher: 'Macmillan',
    });
    expect(inverted).toBe('Conquest, Robert. 1968. The Great Terror. Macmillan.');
    expect(natural).toBe(inverted);
    expect(text({ author: 'Lewis H. Siegelbaum', year: '1988' })).toBe('Siegelbaum, Lewis H. 1988. A Title.');
    expect(text({ author: 'Ya. E. Chadaev', year: '1965' })).toBe('Chadaev, Ya. E. 1965. A Title.');
    expect(text({ author: 'Jan Luiten van Zanden' })).toBe('van Zanden, Jan Luiten. 2000. A Title.');
  });

  it('keeps institutions whole, and names a self-publishing institution once', () => {
    expect(text({ author: 'Gosplan SSSR', year: '1938', publisher: 'istmat.org' })).toBe(
      'Gosplan SSSR. 1938. A Title. istmat.org.',
    );
    expect(text({ author: 'Institute of History, Academy of Sciences of the Ukrainian SSR' })).toMatch(
      /^Institute of History, Academy of Sciences of the Ukrainian SSR\. 2000\./,
    );
    expect(text({ author: 'Wikipedia contributors', publisher: 'Wikipedia' })).toBe(
      'Wikipedia contributors. 2000. A Title. Wikipedia.',
    );
    expect(text({ author: '{Vivid Maps}', publisher: 'Vivid Maps' })).toBe('Vivid Maps. 2000. A Title.');
    expect(text({ author: 'BBC' })).toBe('BBC. 2000. A Title.');
    expect(text({ author: 'zemlug.ru' })).toBe('zemlug.ru. 2000. A Title.');
  });

  it('lists several authors, the first inverted: "A, and B"; "A, B, and C"; et al.; editors', () => {
    expect(text({ author: 'R. W. Davies; S. G. Wheatcroft' })).toBe(
      'Davies, R. W., and S. G. Wheatcroft. 2000. A Title.',
    );
    expect(text({ author: 'Getty, J. Arch; Rittersporn, Gábor T.; Zemskov, Viktor N.' })).toBe(
      'Getty, J. Arch, Gábor T. Rittersporn, and Viktor N. Zemskov. 2000. A Title.',
    );
    expect(text({ author: 'Conquest, Robert and Siegelbaum, Lewis H.' })).toBe(
      'Conquest, Robert, and Lewis H. Siegelbaum. 2000. A Title.',
    );
    expect(text({ author: 'A. Galushka et al.' })).toBe('Galushka, A., et al. 2000. A Title.');
    expect(text({ author: 'James R. Millar (ed.)' })).toBe('Millar, James R., ed. 2000. A Title.');
    // " and " inside an institution's name does not split it.
    expect(parseContributors('Institute of Demography and Social Studies').names).toEqual([
      { person: false, literal: 'Institute of Demography and Social Studies' },
    ]);
  });

  it('prints n.d. only when there is no year, and the year a web page was read as "Accessed"', () => {
    expect(referenceYear('c. 1936')).toEqual({ year: 'c. 1936', accessed: '' });
    expect(referenceYear('1969–1978').year).toBe('1969–1978');
    expect(referenceYear('n.d. (accessed 2026)')).toEqual({ year: 'n.d.', accessed: '2026' });
    expect(referenceYear('')).toEqual({ year: 'n.d.', accessed: '' });
    expect(text({ author: 'BBC', year: 'n.d. (accessed 2026)', url: 'https://example.org/a' })).toBe(
      'BBC. n.d. A Title. Accessed 2026. https://example.org/a.',
    );
  });

  it("leads with the title when there is no author, and keeps a title's own question mark", () => {
    expect(text({ author: '', title: 'Anonymous Pamphlet', year: '1936' })).toBe('Anonymous Pamphlet. 1936.');
    expect(text({ author: 'Alec Nove', title: 'Was Stalin Really Necessary?' })).toBe(
      'Nove, Alec. 2000. Was Stalin Really Necessary?',
    );
  });

  it('sorts by surname (not by the first word written), then year, then title; leading articles ignored', () => {
    const entries = formatBibliography([
      source({ source_id: 's', author: 'Lewis H. Siegelbaum', year: '1988' }),
      source({ source_id: 'c2', author: 'Conquest, Robert', year: '1986' }),
      source({ source_id: 'c1', author: 'Robert Conquest', year: '1968' }),
      source({ source_id: 'a', author: 'Anne Applebaum', year: '2003' }),
      source({ source_id: 't', author: 'The Times', year: '1937' }),
      source({ source_id: 'z', author: 'zemlug.ru', year: '2023' }),
    ]);
    expect(entries.map((e) => e.source_id)).toEqual(['a', 'c1', 'c2', 's', 't', 'z']);
  });

  it('gives the parts a renderer can style, which make up the text', () => {
    const e = formatReference(
      source({
        author: 'Robert Conquest',
        title: 'The Great Terror',
        publisher: 'Macmillan',
        url: 'https://e.org',
      }),
    );
    expect(e).toMatchObject({
      author: 'Conquest, Robert. ',
      year: '2000. ',
      title: 'The Great Terror.',
      url: 'https://e.org',
    });
    expect(`${e.author}${e.year}${e.title}${e.rest} ${e.url}.`).toBe(e.text);
  });
});
