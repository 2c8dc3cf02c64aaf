import { compareRefs, compareText } from '../../core/order.ts';
import {
  type CleanResult,
  type IngestResult,
  type Locale,
  type Observation,
  type Problem,
  type RawEssay,
  type RawFile,
  type RawRecord,
  type Reject,
  STATUSES,
  type Status,
} from '../../core/types.ts';
import { type Catalog, checkId, readCatalog } from './catalog.ts';
import { checkClaimReadings } from './check-quotes.ts';
import { cleanClaims, type RejectFn, unknownMeasure } from './clean-claims.ts';
import { type CleanValue, type CleanValueResult, cleanValue } from './clean-value.ts';
import { type PeriodResult, parsePeriod } from './parse-period.ts';
import { sortByGroup } from './sort-by-group.ts';
import { didYouMean, listWords } from './suggest.ts';

/**
 * The clean stage's pure core: checks the catalog (sources, measures) and turns every observation and
 * claim row into typed figures in their measure's unit. Fatal problems are collected; a row that cannot
 * be cleaned becomes a reject (in `rejects`, and as a `reject` problem) and the rest go on.
 * Outputs are sorted as DESIGN §5 writes them.
 */
export function cleanData(ingest: IngestResult): CleanResult {
  const cleaner = startClean(ingest.files);
  for (const file of ingest.files) if (file.kind === 'observations') cleaner.add(file);
  return cleaner.finish(ingest.files, ingest.essay ?? null);
}

/** One observation file, cleaned: kept apart until finish() puts the files in source order. */
interface CleanedFile {
  sourceId: string;
  path: string;
  observations: Observation[];
  problems: Problem[];
  rejects: Reject[];
}

export interface Cleaner {
  /** Cleans one observation file now (its raw rows can go as soon as this returns). */
  add(file: RawFile): void;
  /**
   * Cleans the claims among `files` and gives the whole result, sorted. With `essay` (null: the raw
   * folder has none) the readings are checked together (check-quotes.ts); without it (a shard) the
   * caller checks them.
   */
  finish(files: readonly RawFile[], essay?: RawEssay | null): CleanResult;
}

/**
 * cleanData a file at a time, for a reader that cleans each file as it reads it (shards/shard-work.ts):
 * the catalog comes from `catalogFiles` (sources.csv, measures.csv; other files are ignored).
 */
export function startClean(catalogFiles: readonly RawFile[]): Cleaner {
  const catalog = readCatalog(catalogFiles);
  const cleaned: CleanedFile[] = [];
  return {
    add(file) {
      const sourceId = sourceIdOf(file.path);
      const done: CleanedFile = { sourceId, path: file.path, observations: [], problems: [], rejects: [] };
      cleaned.push(done);
      const locale = catalog.sourceLocales.get(sourceId);
      if (locale === undefined) {
        const idProblem = checkId('source id', sourceId);
        done.problems.push({
          kind: 'fatal',
          code: 'unknown-source',
          ref: file.path,
          message: idProblem
            ? `${file.path}: the file name is the source id, and ${idProblem}`
            : `${file.path} has no row in sources.csv: add a source with source_id "${sourceId}"${didYouMean(sourceId, catalog.sourceLocales.keys())}`,
        });
        return;
      }
      cleanObservationFile(
        file,
        sourceId,
        locale,
        catalog,
        done.observations,
        rejecter(done.problems, done.rejects),
      );
    },
    finish(files, essay) {
      const problems: Problem[] = [...catalog.problems];
      const rejects: Reject[] = [];
      const observations: Observation[] = [];
      cleaned.sort((a, b) => compareText(a.sourceId, b.sourceId) || compareText(a.path, b.path));
      for (const file of cleaned) {
        problems.push(...file.problems);
        rejects.push(...file.rejects);
        for (const o of file.observations) observations.push(o);
      }
      const claims = cleanClaims(files, catalog, problems, rejecter(problems, rejects));
      if (essay !== undefined) problems.push(...checkClaimReadings(claims, essay));
      // Observations are in source order, then by line; the sort is stable, so ties on the other keys
      // keep that order, which is the (source_id, ref) order of DESIGN §5 without comparing refs.
      const sorted = sortByGroup(observations);
      rejects.sort((a, b) => compareRefs(a.ref, b.ref));
      claims.sort((a, b) => compareText(a.claim_id, b.claim_id) || compareRefs(a.ref, b.ref));
      return {
        essay: essay?.text ?? null,
        sources: catalog.sources,
        measures: catalog.measures,
        observations: sorted,
        claims,
        rejects,
        problems,
      };
    },
  };
}

function rejecter(problems: Problem[], rejects: Reject[]): RejectFn {
  return (ref, raw, reason, code) => {
    rejects.push({ ref, raw, reason });
    problems.push({ kind: 'reject', code, ref, raw, message: reason });
  };
}

/** `observations/zemskov-1991.csv` → `zemskov-1991`. */
export function sourceIdOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.toLowerCase().endsWith('.csv') ? name.slice(0, -4) : name;
}

const cell = (r: RawRecord, name: string): string => r.cells[name] ?? '';

/** `make(key)`, made once per distinct key; bounded: past `limit` keys the cache starts over. */
function once<V>(cache: Map<string, V>, key: string, make: (key: string) => V, limit = 20_000): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}

// Periods repeat across rows; parsing each distinct text once keeps a million rows fast.
const periodCache = new Map<string, PeriodResult>();
const period = (text: string): PeriodResult => once(periodCache, text, parsePeriod);

// Page cells repeat too ("12", "259"): one string per distinct text, not one per row (~24 MB at 1M rows).
const pageTexts = new Map<string, string>();
const page = (text: string): string => once(pageTexts, text, (t) => t);

function cleanObservationFile(
  file: RawFile,
  sourceId: string,
  locale: Locale,
  catalog: Catalog,
  out: Observation[],
  reject: RejectFn,
): void {
  // Exact duplicates within one file: same measure, period, cleaned value and unit (the measure's).
  // Keyed by the number so that the common case (a new value) allocates no key string.
  const byValue = new Map<number, Observation | Observation[]>();
  for (const r of inLineOrder(file.records)) {
    const raw = cell(r, 'value');
    const measureId = cell(r, 'measure_id');
    const measure = catalog.measureById.get(measureId);
    if (!measure && catalog.measureIds.has(measureId)) {
      // A measure with its own fatal problem is reported once, in measures.csv.
      continue;
    }
    const statusCell = cell(r, 'status');
    const status = (statusCell === '' ? 'verified' : statusCell) as Status;
    const knownStatus = (STATUSES as readonly string[]).includes(status);
    const p = period(cell(r, 'period'));
    const v: CleanValueResult | null = measure
      ? cleanValue(raw, cell(r, 'unit'), locale, measure.unit, catalog.units)
      : null;
    if (!measure || !knownStatus || !p.ok || !v?.ok) {
      // Every reason at once, in the order an editor reads the row.
      const reasons: string[] = [];
      if (!measure) reasons.push(unknownMeasure(measureId, catalog));
      if (!knownStatus)
        reasons.push(
          `unknown status "${statusCell}"; use ${listWords(STATUSES)}${didYouMean(statusCell, STATUSES)}`,
        );
      if (!p.ok) reasons.push(p.reason);
      if (v && !v.ok) reasons.push(v.reason);
      reject(r.ref, raw, reasons.join('; '), 'bad-row');
      continue;
    }
    const x = v.value;
    const same = byValue.get(x.value);
    const first =
      same === undefined ? undefined : findDuplicate(same, measureId, p.period.start, p.period.end, x);
    if (first !== undefined) {
      reject(r.ref, raw, `duplicate of ${first.ref}`, 'duplicate-row');
      continue;
    }
    // The catalog's id and the constant status: the same text as the cells, kept once rather than once
    // per row (a million rows).
    const obs: Observation = {
      source_id: sourceId,
      measure_id: measure.measure_id,
      period_start: p.period.start,
      period_end: p.period.end,
      value: x.value,
      low: x.low,
      high: x.high,
      unit: measure.unit,
      qualifier: x.qualifier,
      status: STATUSES[STATUSES.indexOf(status as (typeof STATUSES)[number])] as Status,
      page: page(cell(r, 'page')),
      raw,
      ref: r.ref,
      note: cell(r, 'note'),
    };
    if (same === undefined) byValue.set(x.value, obs);
    else if (Array.isArray(same)) same.push(obs);
    else byValue.set(x.value, [same, obs]);
    out.push(obs);
  }
}

function findDuplicate(
  same: Observation | Observation[],
  measureId: string,
  start: string,
  end: string,
  x: CleanValue,
): Observation | undefined {
  const list = Array.isArray(same) ? same : [same];
  return list.find(
    (o) =>
      o.measure_id === measureId &&
      o.period_start === start &&
      o.period_end === end &&
      o.low === x.low &&
      o.high === x.high &&
      o.qualifier === x.qualifier,
  );
}

/** Records by line (ingest gives them so; checked, since output order and "first row" depend on it). */
function inLineOrder(records: RawRecord[]): RawRecord[] {
  for (let i = 1; i < records.length; i++)
    if (records[i]!.line < records[i - 1]!.line) return [...records].sort((a, b) => a.line - b.line);
  return records;
}
