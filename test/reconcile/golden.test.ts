import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conflictFixture } from './fixtures.ts';
import { GOLDEN_DIR, goldenTexts } from './golden-output.ts';

// Golden files are never rewritten by the tests; run test/reconcile/update-golden.ts by hand and review.
describe('golden outputs of the conflict fixture', () => {
  const actual = goldenTexts(conflictFixture());
  for (const name of Object.keys(actual)) {
    it(`matches golden/${name} exactly`, () => {
      expect(actual[name]).toBe(readFileSync(new URL(name, GOLDEN_DIR), 'utf8'));
    });
  }

  it('gives the same bytes when every input list is reversed', () => {
    const f = conflictFixture();
    const reversed = goldenTexts({
      sources: [...f.sources].reverse(),
      measures: [...f.measures].reverse(),
      observations: [...f.observations].reverse(),
      claims: [...f.claims].reverse(),
    });
    expect(reversed).toEqual(actual);
  });
});
