import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../pipeline/data/clean/catalog.ts';
import { cleanData } from '../../pipeline/data/clean/clean.ts';
import { cleanValue } from '../../pipeline/data/clean/clean-value.ts';
import { readUnits } from '../../pipeline/data/clean/units.ts';
import { ingestOf } from './helpers.ts';

const SOURCES = 'source_id,author,title,year,kind\nsurvey-1990,A. Person,Harvests,1990,scholarly\n';
const MEASURES = `measure_id,label,unit,definition
area.sown,Sown area,hectares,Land sown with grain
yield.grain,Grain yield,centners_per_ha,Grain per hectare
temp.mean,Mean temperature,celsius,Mean July temperature
`;
const UNITS = `unit,label,aliases
hectares,ha,ha;hectare
centners_per_ha,c/ha,centners per hectare;c/ha
celsius,°C,°C;degrees Celsius
`;

const unitsOf = (text: string) => readUnits(ingestOf({ 'units.csv': text }).files);

describe('data/raw/units.csv', () => {
  it('adds units that measures may use, written by id, alias or with a magnitude', () => {
    const { units, problems } = unitsOf(UNITS);
    expect(problems).toEqual([]);
    const v = (text: string, unitCell: string, unit: string) => {
      const r = cleanValue(text, unitCell, 'en', unit, units);
      return r.ok ? r.value.value : r.reason;
    };
    expect(v('12.5 thousand ha', '', 'hectares')).toBe(12500);
    expect(v('approx. 40', 'hectare', 'hectares')).toBe(40);
    expect(v('18 centners per hectare', '', 'centners_per_ha')).toBe(18);
    expect(v('-3.5 °C', '', 'celsius')).toBe(-3.5);
    expect(v('7 hectares', '', 'hectares')).toBe(7);
    // A custom unit is a dimension of its own: nothing converts into it.
    expect(v('12 tonnes', '', 'hectares')).toContain(
      'cannot become the measure\'s unit hectares (use "hectares", "ha", "hectare")',
    );
    expect(v('12 ha', '', 'centners_per_ha')).toContain('cannot become');
    expect(units.labels.get('centners_per_ha')).toBe('c/ha');
  });

  it('is optional: without it the built-in units are all there are, and an unknown unit is fatal', () => {
    const catalog = readCatalog(ingestOf({ 'sources.csv': SOURCES, 'measures.csv': MEASURES }).files);
    expect(catalog.problems.map((p) => [p.code, p.ref])).toEqual([
      ['unknown-unit', 'measures.csv:2'],
      ['unknown-unit', 'measures.csv:3'],
      ['unknown-unit', 'measures.csv:4'],
    ]);
    expect(catalog.problems[0]?.message).toContain('or add it to units.csv (unit, label, aliases)');
    const withUnits = readCatalog(
      ingestOf({
        'sources.csv': SOURCES,
        'measures.csv': `${MEASURES}x.bad,Bad,acres,d\n`,
        'units.csv': UNITS,
      }).files,
    );
    expect(withUnits.problems.map((p) => [p.code, p.ref])).toEqual([['unknown-unit', 'measures.csv:5']]);
    expect(withUnits.problems[0]?.message).toContain('hectares');
  });

  it('refuses an alias that already means something built in, a unit given twice, or an alias used twice', () => {
    const { problems } = unitsOf(`unit,label,aliases
poods,pood,t;pood
acres,ac,million;ac
persons,people,
bushels,bu,bu
bushels,bu,
furlongs,fur,bu
bad unit,x,
`);
    expect(problems.map((p) => [p.code, p.ref])).toEqual([
      ['unit-alias-clash', 'units.csv:2'],
      ['unit-alias-clash', 'units.csv:3'],
      ['duplicate-unit', 'units.csv:4'],
      ['duplicate-unit', 'units.csv:6'],
      ['unit-alias-clash', 'units.csv:7'],
      ['bad-unit', 'units.csv:8'],
    ]);
    expect(problems[0]?.message).toContain(
      'the alias "t" of unit "poods" is already the built-in unit word "t"',
    );
    expect(problems[1]?.message).toContain('the magnitude word "million"');
    expect(problems[2]?.message).toContain('unit "persons" is built in');
    expect(problems[4]?.message).toContain('already an alias at units.csv:5');
  });

  it('cleans observations of a custom unit end to end, and still rejects what it cannot read', () => {
    const result = cleanData(
      ingestOf({
        'sources.csv': SOURCES,
        'measures.csv': MEASURES,
        'units.csv': UNITS,
        'observations/survey-1990.csv': `measure_id,period,value,unit
area.sown,1990,about 2.5 million ha,
yield.grain,1990,18,c/ha
temp.mean,1990,19.5,
area.sown,1991,40 furlongs,
`,
      }),
    );
    expect(result.problems.filter((p) => p.kind === 'fatal')).toEqual([]);
    expect(result.observations.map((o) => [o.measure_id, o.value, o.unit, o.qualifier])).toEqual([
      ['area.sown', 2500000, 'hectares', 'approx'],
      ['temp.mean', 19.5, 'celsius', 'exact'],
      ['yield.grain', 18, 'centners_per_ha', 'exact'],
    ]);
    expect(result.rejects.map((r) => r.ref)).toEqual(['observations/survey-1990.csv:5']);
  });
});
