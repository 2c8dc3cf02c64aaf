// The three reconcile outputs of the conflict fixture as text, shared by the golden test and its updater.

import type { ReconcileInput } from '../../pipeline/data/reconcile/reconcile.ts';
import { reconcile } from '../../pipeline/data/reconcile/reconcile.ts';
import { reconcileFiles } from '../../pipeline/stages/reconcile-stage.ts';

export const GOLDEN_DIR = new URL('./golden/', import.meta.url);

export function goldenTexts(input: ReconcileInput): Record<string, string> {
  const r = reconcile(input);
  // The files exactly as the reconcile stage writes them.
  const files = reconcileFiles(r);
  return {
    'reconciled.csv': files.reconciled,
    'claims.csv': files.claims,
    'audit.json': files.audit,
    'problems.json': `${JSON.stringify(r.problems, null, 2)}\n`,
  };
}
