// The views of {{claims}}, {{flagged}}, {{rejects}} and {{changes}}.
import type { ReportData } from '../../core/types.ts';
import type { RowIndex } from './row-index.ts';
import type { ChangeSet, Row, RowView } from './view-types.ts';

export interface ClaimView {
  id: string;
  claim: string;
  summary: string;
  claimedRaw: string;
  claimed: number;
  unit: string;
  measureLabel: string;
  periodStart: string;
  periodEnd: string;
  as: string;
  row: RowView | null;
  verdict: string;
  ratio: number | null;
}

/** Every reading, grouped by its claim in the essay's order (the findings' order). */
export function buildClaims(data: ReportData, index: RowIndex): ClaimView[] {
  const claimOrder = new Map(data.findings.map((f, i) => [f.claim, i]));
  const byId = new Map(data.claims.map((c) => [c.claim_id, c]));
  return [...data.verdicts]
    .sort(
      (a, b) =>
        (claimOrder.get(a.claim) ?? Number.MAX_SAFE_INTEGER) -
          (claimOrder.get(b.claim) ?? Number.MAX_SAFE_INTEGER) || a.claim_id.localeCompare(b.claim_id),
    )
    .map((v) => {
      const c = byId.get(v.claim_id);
      const row = index
        .rowsOf(v.measure_id)
        .find((x) => x.period_start === v.period_start && x.period_end === v.period_end);
      return {
        id: v.claim_id,
        claim: v.claim,
        summary: c?.summary ?? '',
        claimedRaw: c?.claimed_raw ?? '',
        claimed: v.claimed,
        unit: index.unit(v.measure_id) || row?.unit || '',
        measureLabel: index.label(v.measure_id),
        periodStart: v.period_start,
        periodEnd: v.period_end,
        as: c?.as ?? 'stated',
        row: row && v.verdict !== 'no_data' ? index.view(row) : null,
        verdict: v.verdict,
        ratio: v.ratio,
      };
    });
}

export function buildFlagged(index: RowIndex): { unverifiedRows: RowView[]; contestedRows: RowView[] } {
  return {
    unverifiedRows: index.rows.filter((r) => r.unverified > 0).map((r) => index.view(r)),
    contestedRows: index.rows.filter((r) => r.agreement === 'contested').map((r) => index.view(r)),
  };
}

export function buildRejects(data: ReportData): ReportData['rejects'] {
  return [...data.rejects].sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
}

function byRow(a: Row, b: Row): number {
  return (
    a.measure_id.localeCompare(b.measure_id) ||
    a.period_start.localeCompare(b.period_start) ||
    a.period_end.localeCompare(b.period_end)
  );
}

export interface ChangesView {
  previousEdition: string;
  added: RowView[];
  removed: RowView[];
  changed: { before: RowView; after: RowView }[];
}

export function buildChanges(changes: ChangeSet | null, index: RowIndex): ChangesView | null {
  if (!changes) return null;
  return {
    previousEdition: changes.previousEdition,
    added: [...changes.added].sort(byRow).map((r) => index.view(r)),
    removed: [...changes.removed].sort(byRow).map((r) => index.view(r)),
    changed: [...changes.changed]
      .sort((a, b) => byRow(a.after, b.after))
      .map((c) => ({ before: index.view(c.before), after: index.view(c.after) })),
  };
}
