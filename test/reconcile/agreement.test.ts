import { describe, expect, it } from 'vitest';
import { judgeAgreement } from '../../pipeline/data/reconcile/agreement.ts';
import type { SourceFigure } from '../../pipeline/data/reconcile/model.ts';

const fig = (source_id: string, value: number, low = value, high = value): SourceFigure => ({
  source_id,
  kind: 'scholarly',
  value,
  low,
  high,
  observations: [],
  counted: [],
});

describe('judgeAgreement', () => {
  it('is single for one used source', () => {
    expect(judgeAgreement([fig('a', 5)], 5, 0.1)).toEqual({ agreement: 'single', outliers: [] });
  });

  it('is consistent when every source is within tolerance, boundary included', () => {
    expect(judgeAgreement([fig('a', 90), fig('b', 100), fig('c', 110)], 100, 0.1).agreement).toBe(
      'consistent',
    );
    expect(judgeAgreement([fig('a', 0.2), fig('b', 0.3)], 0.2, 0.5).agreement).toBe('consistent');
  });

  it('accepts a source whose interval contains the value', () => {
    expect(judgeAgreement([fig('a', 100), fig('b', 150, 90, 200)], 100, 0.1).agreement).toBe('consistent');
  });

  it('names outliers furthest first, ties by id', () => {
    const r = judgeAgreement(
      [fig('d', 80), fig('a', 100), fig('c', 120), fig('b', 150), fig('e', 100)],
      100,
      0.1,
    );
    expect(r).toEqual({ agreement: 'contested', outliers: ['b', 'c', 'd'] });
  });
});
