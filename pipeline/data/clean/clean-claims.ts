import type { ProblemCode } from '../../core/types.ts';
// DESIGN §3–§4 claims.csv: each row a reading of an essay claim, its claimed figure in its measure's unit.
import {
  CLAIM_AS,
  CLAIM_STANCES,
  type Claim,
  type ClaimAs,
  type ClaimStance,
  type Measure,
  type Problem,
  type RawFile,
  type RawRecord,
} from '../../core/types.ts';
import { type Catalog, checkId } from './catalog.ts';
import { cleanValue } from './clean-value.ts';
import { parsePeriod } from './parse-period.ts';
import { didYouMean, listWords } from './suggest.ts';

export type RejectFn = (ref: string, raw: string, reason: string, code: ProblemCode) => void;

const cell = (r: RawRecord, name: string): string => r.cells[name] ?? '';

export function unknownMeasure(measureId: string, catalog: Catalog): string {
  if (measureId === '') return 'measure_id is empty';
  return `unknown measure "${measureId}"; add it to measures.csv or fix the id${didYouMean(measureId, catalog.measureIds)}`;
}

/** A word cell of a fixed vocabulary (`as`, `stance`): empty gives the default, else a reason. */
function word<T extends string>(
  column: string,
  text: string,
  words: readonly T[],
): { ok: true; value: T } | { ok: false; reason: string } {
  if (text === '') return { ok: true, value: words[0] as T };
  if ((words as readonly string[]).includes(text)) return { ok: true, value: text as T };
  return {
    ok: false,
    reason: `unknown ${column} "${text}"; use ${listWords(words)}${didYouMean(text, words)}`,
  };
}

/** The ids of a claim row (claim_id, claim), or the fatal problem of the first that is not plain. */
function claimIds(r: RawRecord): { id: string; claim: string } | Problem {
  const id = cell(r, 'claim_id');
  const claim = cell(r, 'claim') || id;
  for (const [column, value] of [
    ['claim_id', id],
    ['claim', claim],
  ] as const) {
    const idProblem = checkId(column, value);
    if (idProblem) return { kind: 'fatal', code: 'bad-id', ref: r.ref, message: idProblem };
  }
  return { id, claim };
}

/**
 * The claim rows of `files`. An unknown `as` or `stance` is a row reject, like an unknown status of an
 * observation: the row is an editor's typo to fix, and the other claims can still be judged.
 */
export function cleanClaims(
  files: readonly RawFile[],
  catalog: Catalog,
  problems: Problem[],
  reject: RejectFn,
): Claim[] {
  const claims: Claim[] = [];
  const claimRefs = new Map<string, string>();
  for (const file of files) {
    if (file.kind !== 'claims') continue;
    for (const r of file.records) {
      const ids = claimIds(r);
      if ('kind' in ids) {
        problems.push(ids);
        continue;
      }
      const { id } = ids;
      const first = claimRefs.get(id);
      if (first) {
        problems.push({
          kind: 'fatal',
          code: 'duplicate-id',
          ref: r.ref,
          message: `duplicate claim_id "${id}": ${first} and ${r.ref}`,
        });
        continue;
      }
      claimRefs.set(id, r.ref);
      const claim = cleanClaimRow(r, ids, catalog, problems, reject);
      if (claim) claims.push(claim);
    }
  }
  return claims;
}

function cleanClaimRow(
  r: RawRecord,
  ids: { id: string; claim: string },
  catalog: Catalog,
  problems: Problem[],
  reject: RejectFn,
): Claim | null {
  const measureId = cell(r, 'measure_id');
  const measure: Measure | undefined = catalog.measureById.get(measureId);
  if (!measure) {
    // A measure with its own fatal problem is reported once, in measures.csv.
    if (!catalog.measureIds.has(measureId))
      problems.push({
        kind: 'fatal',
        code: 'unknown-measure',
        ref: r.ref,
        message: `claim "${ids.id}" names ${unknownMeasure(measureId, catalog)}`,
      });
    return null;
  }
  const raw = cell(r, 'claimed');
  const reasons: string[] = [];
  const periodText = cell(r, 'period');
  const p = periodText === '' ? null : parsePeriod(periodText);
  if (p && !p.ok) reasons.push(p.reason);
  // The essay is read as English text; a claims.csv `unit` column, if any, is honoured.
  const v = cleanValue(raw, cell(r, 'unit'), 'en', measure.unit, catalog.units);
  if (!v.ok) reasons.push(v.reason);
  const as = word<ClaimAs>('as', cell(r, 'as'), CLAIM_AS);
  if (!as.ok) reasons.push(as.reason);
  const stance = word<ClaimStance>('stance', cell(r, 'stance'), CLAIM_STANCES);
  if (!stance.ok) reasons.push(stance.reason);
  if (!v.ok || (p && !p.ok) || !as.ok || !stance.ok) {
    reject(r.ref, raw, reasons.join('; '), 'bad-claim');
    return null;
  }
  return {
    claim_id: ids.id,
    claim: ids.claim,
    measure_id: measureId,
    period_start: p ? p.period.start : '',
    period_end: p ? p.period.end : '',
    claimed: v.value.value,
    claimed_raw: raw,
    summary: cell(r, 'summary'),
    quote: cell(r, 'quote'),
    as: as.value,
    stance: stance.value,
    ref: r.ref,
  };
}
