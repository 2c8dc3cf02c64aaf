import { describe, expect, it } from 'vitest';
import {
  explainCagrSeries,
  explainObserved,
  explainRatio,
  withUnit,
} from '../../pipeline/data/reconcile/explain.ts';
import type { SourceFigure } from '../../pipeline/data/reconcile/model.ts';

const fig = (source_id: string, value: number): SourceFigure => ({
  source_id,
  kind: 'scholarly',
  value,
  low: value,
  high: value,
  observations: [],
  counted: [],
});

describe('explain', () => {
  it('writes units as a reader expects', () => {
    expect(withUnit(5.5, 'percent')).toBe('5.5 %');
    expect(withUnit(14, 'multiple')).toBe('14 ×');
    expect(withUnit(2528146, 'persons')).toBe('2528146 persons');
  });

  it('says when every source agrees', () => {
    const used = [fig('a', 102), fig('b', 102), fig('c', 102)];
    expect(
      explainObserved({
        unit: 't',
        tolerance: 0.02,
        result: { value: 102, low: 102, high: 102 },
        used,
        setAside: [],
        outliers: [],
      }),
    ).toBe(
      'Median of 3 sources (a 102, b 102, c 102 t) = 102 t; range 102 t; all within ±2 % or their own range.',
    );
  });

  it('cuts long lists of sources', () => {
    const used = Array.from({ length: 15 }, (_, i) => fig(`s${String(i).padStart(2, '0')}`, 10));
    const text = explainObserved({
      unit: 't',
      tolerance: 0.1,
      result: { value: 10, low: 10, high: 10 },
      used,
      setAside: [],
      outliers: [],
    });
    expect(text).toContain('s11 10 and 3 more t)');
  });

  it('spells out a ratio and a series growth rate', () => {
    expect(
      explainRatio(
        { value: 102, low: 102, high: 102 },
        { value: 7, low: 7, high: 7 },
        { value: 102 / 7, low: 102 / 7, high: 102 / 7 },
        {
          a: 't',
          b: 't',
          result: 'multiple',
        },
      ),
    ).toBe('102 t ÷ 7 t = 14.571429 ×.');
    expect(
      explainRatio(
        { value: -2, low: -3, high: -1 },
        { value: 2, low: 1, high: 4 },
        { value: -1, low: -3, high: -0.25 },
        {
          a: 't',
          b: 't',
          result: 'multiple',
        },
      ),
    ).toBe('-2 t ÷ 2 t = -1 ×; range -3 to -0.25, the extremes of the two ranges divided.');
    expect(
      explainCagrSeries(
        { value: 10, low: 10, high: 10 },
        { value: 20, low: 20, high: 20 },
        { start: 1928, end: 1938 },
        { value: 7.177346, low: 7.177346, high: 7.177346 },
        'Mt',
      ),
    ).toBe('From 10 Mt in 1928 to 20 Mt in 1938: (20 / 10)^(1/10) − 1 = 7.177346 % per year.');
  });
});
