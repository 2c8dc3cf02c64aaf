import { describe, expect, it } from 'vitest';
import { readableExplanation } from '../../pipeline/report/html/explanation-text.ts';

const names = {
  sources: new Map([
    ['conquest-1968', 'Conquest 1968'],
    ['enc-ukraine-1993', 'Encyclopedia of Ukraine 1993'],
    ['siegelbaum-1988', 'Siegelbaum 1988'],
    ['maddison-2020', 'Bolt and van Zanden 2020'],
  ]),
  measures: new Map([['record.norm-tonnes', 'Shift norm of a hewer']]),
};
const read = (t: string) => readableExplanation(t, names);

describe('the audit’s arithmetic as a reader reads it', () => {
  it('formats figures with the report’s numbers and names sources by short citation', () => {
    expect(read('One source (conquest-1968): 20000000 persons.')).toBe(
      'One source (Conquest 1968): 20 million.',
    );
    expect(read('One source (maddison-2020): 422210000000 int. $ (2011).')).toBe(
      'One source (Bolt and van Zanden 2020): 422,210,000,000 int. $ (2011).',
    );
    expect(read('One source (conquest-1968): 1533767 persons; range 950000–1200000 persons.')).toBe(
      'One source (Conquest 1968): 1,533,767 persons; range 950,000–1,200,000 persons.',
    );
    expect(read('102 t ÷ 7 t = 14.571429 ×.')).toBe('102 t ÷ 7 t = 14.6×.');
    expect(read('(1.6)^(1/6) − 1 = 8.148375 % per year.')).toBe('(1.6)^(1/6) − 1 = 8.15 % per year.');
    expect(
      read('Median of 2 sources (enc-ukraine-1993 102, siegelbaum-1988 102 t) = 102 t; range 10 to 12.'),
    ).toBe(
      'Median of 2 sources (Encyclopedia of Ukraine 1993: 102, Siegelbaum 1988: 102 t) = 102 t; range 10 to 12.',
    );
  });

  it('says the priority rule in words and names measures by label', () => {
    expect(
      read('Priority archival>scholarly>popular: 1 archival source used. From record.norm-tonnes.'),
    ).toBe(
      'Sources ranked by kind (archival, then scholarly, then popular): 1 archival source used. From Shift norm of a hewer.',
    );
    expect(read('The median of 1 central value(s) is 1533767')).toBe(
      'The median of 1 central values is 1,533,767',
    );
  });

  it('leaves years and ids inside words alone', () => {
    expect(read('From 2184 int. $ (2011) in 1928 to 3417 int. $ (2011) in 1940')).toBe(
      'From 2,184 int. $ (2011) in 1928 to 3,417 int. $ (2011) in 1940',
    );
  });
});
