// The findings page (issue 16): one finding per claim of the essay, in the essay's order — its quote, the
// verdict in words, the evidence's range and number of sources, and each reading under it. Where the
// sources disagree it shows every figure and says that the reconciled value is their median.

import {
  formatNumberText,
  formatQualified,
  formatQuantity,
  formatRange,
  labelWithPeriod,
} from '../../core/format-quantity.ts';
import type { ClaimFinding, ReadingFinding, ReportData } from '../../core/types.ts';
import { formatCitation } from './helpers.ts';
import { auditLookup } from './methods-view.ts';
import { type RowIndex, rowAnchor } from './row-index.ts';

export const VERDICT_WORDS: Record<string, string> = {
  supported: 'the figure lies within what the agreeing sources give',
  misattributed: 'the figure is real, but it measures something else than the essay says',
  overstated: 'the figure is above what the sources give',
  understated: 'the figure is below what the sources give',
  no_data: 'no source in the data gives this measure for this period, so the claim cannot be checked',
};

/** The verdict as ClaimReview's alternateName gives it. */
const VERDICT_NAMES: Record<string, string> = {
  supported: 'Supported',
  misattributed: 'Misattributed',
  overstated: 'Overstated',
  understated: 'Understated',
  no_data: 'No data',
};

export interface SourceFigure {
  id: string;
  cite: string;
  raw: string;
  setAside: boolean;
}

export interface ReadingView {
  id: string;
  summary: string;
  as: string;
  claimed: string;
  heldAgainst: string;
  anchor: string;
  evidence: string;
  nSources: number;
  verdict: string;
  ratio: number | null;
}

export interface FindingView {
  id: string;
  number: number;
  sentence: string;
  quote: string;
  stance: string;
  verdict: string;
  verdictWords: string;
  /** Whether the evidence bears the essay (or its doubt) out, in a sentence; '' for no data. */
  bornOut: string;
  evidence: string;
  /** What the deciding reading holds the claim against: `Coal cut in the record shift, 31 August 1935`. */
  heldAgainst: string;
  claimed: string;
  ratio: number | null;
  nSources: number;
  contested: boolean;
  /** Every source's figure on the deciding row, when they disagree. */
  figures: SourceFigure[];
  medianNote: string;
  readings: ReadingView[];
  review: Record<string, unknown>;
}

export interface FindingsView {
  findings: FindingView[];
  tally: { verdict: string; count: number }[];
  claims: number;
  readings: number;
}

const ORDER = ['supported', 'misattributed', 'overstated', 'understated', 'no_data'];

/** The reading that decides the claim's verdict (engine rule: its verdict, `stated` first). */
export function decidingReading(f: ClaimFinding): ReadingFinding | undefined {
  const same = f.readings.filter((r) => r.verdict === f.verdict);
  return same.find((r) => r.as === 'stated') ?? same[0] ?? f.readings[0];
}

const NO_FIGURE = 'no source gives a figure';

/**
 * The essay's figure: in the measure's unit when a reconciled row stands beside it; as the essay wrote
 * it (claimed_raw) when none does, since the measure's unit may not be the claim's (a date's measure
 * has no figures, and "31" in its unit would read "31×").
 */
export function claimedText(r: ReadingFinding, unit: string, claimedRaw: string): string {
  const noRow = r.verdict === 'no_data' || r.value === null;
  if (noRow) return claimedRaw.trim() ? `“${claimedRaw.trim()}”` : formatNumberText(r.claimed);
  return formatQuantity(r.claimed, unit);
}

function evidenceText(r: ReadingFinding, unit: string, bound: string | undefined): string {
  if (r.value === null || r.low === null || r.high === null) return NO_FIGURE;
  if (bound) return formatQualified(r.value, r.low, r.high, unit, bound as 'at_least' | 'at_most');
  if (r.low === r.high) return formatQuantity(r.value, unit);
  return `${formatRange(r.low, r.high, unit)} (reconciled ${formatQuantity(r.value, unit)})`;
}

function bornOutText(f: ClaimFinding): string {
  if (f.bornOut === null) return '';
  if (f.stance === 'disputes')
    return f.bornOut
      ? 'The essay reports this figure to doubt it, and the evidence bears the doubt out.'
      : 'The essay reports this figure to doubt it, but the evidence supports the figure: the doubt is not borne out.';
  return f.bornOut ? 'The evidence bears the essay out.' : 'The evidence does not bear the essay out.';
}

/** schema.org ClaimReview, as fact-checkers publish it (printed with the `jsonLd` helper). */
export function claimReview(
  f: ClaimFinding,
  sentence: string,
  verdictWords: string,
  data: ReportData,
  url: string,
): Record<string, unknown> {
  const essay = data.config.essay;
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: f.quote || sentence,
    reviewRating: {
      '@type': 'Rating',
      alternateName: VERDICT_NAMES[f.verdict] ?? f.verdict,
      description: verdictWords,
    },
    itemReviewed: {
      '@type': 'Claim',
      appearance: {
        '@type': 'CreativeWork',
        ...(essay.title ? { name: essay.title } : {}),
        ...(essay.url ? { url: essay.url } : {}),
        ...(essay.author ? { author: { '@type': 'Person', name: essay.author } } : {}),
        ...(essay.year ? { datePublished: essay.year } : {}),
      },
    },
    author: {
      '@type': 'Organization',
      name: data.config.publisher || data.config.author || data.config.title,
    },
  };
  return review;
}

function readingView(r: ReadingFinding, index: RowIndex, unit: string, claimedRaw: string): ReadingView {
  return {
    id: r.claim_id,
    summary: r.summary,
    as: r.as,
    claimed: claimedText(r, unit, claimedRaw),
    heldAgainst: labelWithPeriod(index.label(r.measure_id), r.period_start, r.period_end),
    anchor: rowAnchor(r),
    evidence: evidenceText(r, unit, undefined),
    nSources: r.n_sources,
    verdict: r.verdict,
    ratio: r.ratio,
  };
}

export function buildFindings(data: ReportData, index: RowIndex, reportUrl: string): FindingsView {
  const { audit, page } = auditLookup(data);
  const claimedRaw = new Map(data.claims.map((c) => [c.claim_id, c.claimed_raw]));
  const rawOf = (claimId: string) => claimedRaw.get(claimId) ?? '';
  const findings = data.findings.map((f, i): FindingView => {
    const r = decidingReading(f);
    const unit = r ? index.unit(r.measure_id) : '';
    const row = r ? index.rowsOf(r.measure_id).find((x) => rowAnchor(x) === rowAnchor(r)) : undefined;
    const contested = row?.agreement === 'contested' && r?.verdict !== 'no_data';
    const entry = row
      ? audit(`${row.measure_id}\u0000${row.period_start}\u0000${row.period_end}`)
      : undefined;
    const figures: SourceFigure[] = contested
      ? [
          ...(entry?.used ?? []).map((o) => ({
            id: o.source_id,
            cite: formatCitation(index.ref(o.source_id).cite, page(o.ref)),
            raw: o.raw,
            setAside: false,
          })),
          ...(entry?.set_aside ?? []).map((o) => ({
            id: o.source_id,
            cite: formatCitation(index.ref(o.source_id).cite, page(o.ref)),
            raw: o.raw,
            setAside: true,
          })),
        ]
      : [];
    const sentence = f.readings.find((x) => x.as === 'stated' && x.summary)?.summary || r?.summary || f.claim;
    const verdictWords = VERDICT_WORDS[f.verdict] ?? f.verdict;
    const median =
      contested && row && (row.n_sources ?? 0) > 1 && !row.bound && row.agreement !== 'derived'
        ? `The sources disagree; the reconciled ${formatQuantity(row.value, unit)} is the median of figures that disagree, not a finding of any source.`
        : '';
    return {
      id: `finding-${f.claim}`,
      number: i + 1,
      sentence,
      quote: f.quote,
      stance: f.stance,
      verdict: f.verdict,
      verdictWords,
      bornOut: bornOutText(f),
      evidence: r && r.verdict !== 'no_data' ? evidenceText(r, unit, row?.bound) : '',
      heldAgainst: r ? labelWithPeriod(index.label(r.measure_id), r.period_start, r.period_end) : '',
      claimed: r ? claimedText(r, unit, rawOf(r.claim_id)) : '',
      ratio: r?.ratio ?? null,
      nSources: r?.n_sources ?? 0,
      contested,
      figures,
      medianNote: median,
      // One reading is the finding itself; several are listed under it.
      readings:
        f.readings.length < 2
          ? []
          : f.readings.map((x) => readingView(x, index, index.unit(x.measure_id), rawOf(x.claim_id))),
      review: claimReview(f, sentence, verdictWords, data, `${reportUrl}#finding-${f.claim}`),
    };
  });
  const tally = ORDER.map((verdict) => ({
    verdict,
    count: data.findings.filter((f) => f.verdict === verdict).length,
  })).filter((t) => t.count > 0);
  return {
    findings,
    tally,
    claims: data.findings.length,
    readings: data.findings.reduce((n, f) => n + f.readings.length, 0),
  };
}
