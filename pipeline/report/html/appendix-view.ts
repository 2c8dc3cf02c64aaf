// The appendix: every reconciled row of a measure no directive shows, one line each, so that no figure
// is silently left out. Compact on purpose: a collection of a thousand measures prints in seconds.
import { formatPeriod, formatQuantity, formatRange } from '../../core/format-quantity.ts';
import type { RowIndex } from './row-index.ts';

export interface AppendixRow {
  anchor: string;
  label: string;
  first: boolean;
  // Not `period`/`range`: those names are helpers, which a template would call instead.
  periodText: string;
  valueText: string;
  rangeText: string;
  n: number;
  agreement: string;
  unverified: number;
  /** Sources by short name: `Zemskov 1991; Applebaum 2003`. */
  sources: string;
}

export function buildAppendix(index: RowIndex, shown: ReadonlySet<string>): AppendixRow[] {
  let previous = '';
  return index.rows
    .filter((r) => !shown.has(r.measure_id))
    .map((r) => {
      const first = r.measure_id !== previous;
      previous = r.measure_id;
      return {
        anchor: `appendix-${r.measure_id}--${r.period_start}${r.period_end !== r.period_start ? `--${r.period_end}` : ''}`,
        label: index.label(r.measure_id),
        first,
        periodText: formatPeriod(r.period_start, r.period_end),
        valueText: formatQuantity(r.value, r.unit),
        rangeText: r.low !== r.high ? formatRange(r.low, r.high, r.unit) : '',
        n: r.n_sources,
        agreement: r.agreement,
        unverified: r.unverified,
        sources: [...r.sources]
          .sort()
          .map((s) => index.ref(s).short)
          .join('; '),
      };
    });
}
