// data/raw/essay.txt (or essay.md): the essay under examination, which claims.csv quotes word for word.
import type { Problem, RawEssay } from '../../core/types.ts';

/** The raw folder's names for the essay, in order of preference. */
export const ESSAY_FILES = ['essay.txt', 'essay.md'] as const;

export interface RawEssayInput {
  path: string;
  bytes: Uint8Array;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Pure: the essay's bytes → its text (a BOM dropped), or a fatal problem when it is not UTF-8. */
export function ingestEssay(input: RawEssayInput | null): { essay: RawEssay | null; problems: Problem[] } {
  if (!input) return { essay: null, problems: [] };
  try {
    return { essay: { path: input.path, text: strict.decode(input.bytes) }, problems: [] };
  } catch {
    return {
      essay: null,
      problems: [
        {
          kind: 'fatal',
          code: 'not-utf8',
          ref: input.path,
          message: `${input.path} is not valid UTF-8; save the essay as UTF-8.`,
        },
      ],
    };
  }
}
