import { describe, expect, it } from 'vitest';
import type { Kind } from '../../pipeline/core/types.ts';
import { selectByPriority } from '../../pipeline/data/reconcile/method-priority.ts';
import type { SourceFigure } from '../../pipeline/data/reconcile/model.ts';

const fig = (source_id: string, kind: Kind, value = 1): SourceFigure => ({
  source_id,
  kind,
  value,
  low: value,
  high: value,
  observations: [],
  counted: [],
});

describe('selectByPriority', () => {
  const figures = [fig('a', 'scholarly'), fig('b', 'memoir'), fig('c', 'scholarly'), fig('d', 'official')];

  it('uses only the first listed kind that has sources', () => {
    const s = selectByPriority(figures, ['archival', 'scholarly', 'official']);
    expect(s.chosen).toBe('scholarly');
    expect(s.used.map((f) => f.source_id)).toEqual(['a', 'c']);
    expect(s.setAside.map((x) => x.figure.source_id)).toEqual(['b', 'd']);
    expect(s.setAside[0]?.reason).toBe(
      'priority:archival>scholarly>official: memoir source set aside because scholarly sources exist',
    );
  });

  it('uses every source when no listed kind has any', () => {
    const s = selectByPriority(figures, ['archival', 'propaganda']);
    expect(s.chosen).toBeUndefined();
    expect(s.used).toHaveLength(4);
    expect(s.setAside).toEqual([]);
  });
});
