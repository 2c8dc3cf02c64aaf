import type { RawFileKind } from '../../core/types.ts';

export interface FileSchema {
  required: readonly string[];
  optional: readonly string[];
}

/** The raw file contract (DESIGN.md section 3). Columns in any order; unknown columns are warnings. */
export const SCHEMAS: Record<RawFileKind, FileSchema> = {
  sources: {
    required: ['source_id', 'author', 'title', 'year', 'kind'],
    optional: ['publisher', 'url', 'locale', 'notes'],
  },
  measures: { required: ['measure_id', 'label', 'unit', 'definition'], optional: ['method', 'tolerance'] },
  observations: { required: ['measure_id', 'period', 'value'], optional: ['unit', 'page', 'status', 'note'] },
  claims: {
    required: ['claim_id', 'measure_id', 'claimed'],
    optional: ['period', 'summary', 'claim', 'quote', 'as', 'stance'],
  },
  units: { required: ['unit', 'label'], optional: ['aliases'] },
};

/**
 * The kind of a raw file by its path. The catalog files have one name each; an observation file's
 * extension is taken in any case (`x.CSV` from a spreadsheet export), so that no source's figures
 * vanish for a capital letter (read-raw.ts refuses `x.csv` beside `x.CSV`).
 */
export function kindOfPath(relPath: string): RawFileKind | null {
  if (relPath === 'sources.csv' || relPath === 'sources.bib' || relPath === 'sources.json') return 'sources';
  if (relPath === 'units.csv') return 'units';
  if (relPath === 'measures.csv') return 'measures';
  if (relPath === 'claims.csv') return 'claims';
  if (/^observations\/[^/.][^/]*\.csv$/i.test(relPath)) return 'observations';
  return null;
}

/** The catalog files, for a name that is one but for its case (`Sources.CSV`). */
export const CATALOG_FILES = ['sources.csv', 'measures.csv', 'claims.csv'] as const;
