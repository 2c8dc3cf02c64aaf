import { formatNumber } from '../core/format-number.ts';
import type { ClaimRow, ReconciledRow, Reject } from '../core/types.ts';

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const range = (r: { value: number | null; low: number | null; high: number | null }) =>
  r.value === null
    ? ''
    : r.low === r.high
      ? formatNumber(r.value)
      : `${formatNumber(r.value)} [${formatNumber(r.low)}–${formatNumber(r.high)}]`;

/** Pure: the compact summary `npm run validate` prints: rejects, contested measures, claim verdicts. */
export function validateSummary(
  rejects: readonly Reject[],
  reconciled: readonly ReconciledRow[],
  claims: readonly ClaimRow[],
): string[] {
  const lines: string[] = [];
  lines.push(rejects.length === 0 ? 'Rejects: none' : `Rejects: ${rejects.length}`);
  for (const r of rejects.slice(0, 50)) lines.push(`  ${r.ref}: ${r.reason}`);
  if (rejects.length > 50) lines.push(`  … and ${rejects.length - 50} more (data/clean/rejects.csv)`);
  const contested = reconciled.filter((r) => r.agreement === 'contested');
  lines.push('', `Contested: ${contested.length} of ${reconciled.length} reconciled rows`);
  if (contested.length > 0) {
    lines.push(
      ...table(
        ['measure', 'period', 'value [range]', 'unit', 'sources', 'outliers'],
        contested.map((r) => [
          r.measure_id,
          r.period_start === r.period_end ? r.period_start : `${r.period_start}/${r.period_end}`,
          range(r),
          r.unit,
          String(r.n_sources),
          r.outliers.join(';'),
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  lines.push('', `Claims: ${claims.length}`);
  if (claims.length > 0) {
    lines.push(
      ...table(
        ['claim', 'measure', 'claimed', 'evidence', 'ratio', 'verdict'],
        claims.map((c) => [
          c.claim_id,
          c.measure_id,
          formatNumber(c.claimed),
          range(c),
          formatNumber(c.ratio),
          c.verdict,
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  return lines;
}
