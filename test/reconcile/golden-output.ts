// The three reconcile outputs of the conflict fixture as text, shared by the golden test and its updater.

import type { ReconcileInput } from '../../pipeline/reconcile/reconcile.ts';
import { reconcile } from '../../pipeline/reconcile/reconcile.ts';
import { CLAIM_COLUMNS, RECONCILED_COLUMNS, toCsv } from '../../pipeline/write-csv.ts';

export const GOLDEN_DIR = new URL('./golden/', import.meta.url);

export function goldenTexts(input: ReconcileInput): Record<string, string> {
  const r = reconcile(input);
  return {
    'reconciled.csv': toCsv(RECONCILED_COLUMNS, r.reconciled),
    'claims.csv': toCsv(CLAIM_COLUMNS, r.claims),
    'audit.json': `${JSON.stringify(r.audit, null, 2)}\n`,
    'problems.json': `${JSON.stringify(r.problems, null, 2)}\n`,
  };
}
