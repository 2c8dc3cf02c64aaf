// The data contracts between stages (see DESIGN.md sections 3–5). Every stage speaks these types.

export const STAGES = ['ingest', 'clean', 'reconcile', 'charts', 'html', 'pdf', 'publish'] as const;
export type StageName = (typeof STAGES)[number];

export const KINDS = [
  'archival',
  'official',
  'scholarly',
  'reference',
  'memoir',
  'propaganda',
  'popular',
] as const;
export type Kind = (typeof KINDS)[number];

export const LOCALES = ['en', 'ru', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const UNITS = [
  't',
  'kt',
  'Mt',
  'persons',
  'percent',
  'percent_per_year',
  'multiple',
  'hours',
  'years',
  'bn_kWh',
  'int_dollars_2011',
] as const;
export type BuiltinUnit = (typeof UNITS)[number];
/** A measure's unit: a built-in one, or one that data/raw/units.csv adds (clean/units.ts). */
export type Unit = string;

export const QUALIFIERS = ['exact', 'approx', 'at_least', 'at_most', 'range'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const STATUSES = ['verified', 'unverified', 'derived'] as const;
export type Status = (typeof STATUSES)[number];

export const AGREEMENTS = ['single', 'consistent', 'contested', 'derived'] as const;
export type Agreement = (typeof AGREEMENTS)[number];

export const VERDICTS = ['supported', 'misattributed', 'overstated', 'understated', 'no_data'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** claims.csv `as`: what a reading compares. `misattributed`: the figure belongs to this measure, which
 * is not what the essay calls it (within tolerance such a reading is `misattributed`, never `supported`). */
export const CLAIM_AS = ['stated', 'misattributed'] as const;
export type ClaimAs = (typeof CLAIM_AS)[number];

/** claims.csv `stance`: `disputes` when the essay reports the figure in order to reject it. */
export const CLAIM_STANCES = ['asserts', 'disputes'] as const;
export type ClaimStance = (typeof CLAIM_STANCES)[number];

/** Ids are plain names: they become file names and anchors. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

// ---------------------------------------------------------------- problems

/**
 * Errors are data. `ref` is `file:line` (or just `file` for whole-file problems), relative to the raw
 * folder with `/`. `fatal` stops the build whatever the flags; `reject` is one row set aside (forgiven
 * by --allow-rejects); `warning` is printed and never fails the build.
 */
export type Problem =
  | { kind: 'fatal'; code: ProblemCode; ref: string; message: string }
  | { kind: 'reject'; code: ProblemCode; ref: string; raw: string; message: string }
  | { kind: 'warning'; code: ProblemCode; ref: string; message: string };

/** Every problem's code: what a script or a test may match on (the message is for people). */
export const PROBLEM_CODES = [
  'ambiguous-input',
  'bad-bibliography',
  'bad-claim',
  'bad-id',
  'bad-row',
  'bad-tolerance',
  'bad-unit',
  'bad-year',
  'bidi-character',
  'cagr-bad-years',
  'cagr-no-span',
  'cagr-non-positive',
  'cagr-not-multiple',
  'cagr-out-of-range',
  'claim-no-period',
  'control-character',
  'cr-line-endings',
  'derivation-cycle',
  'derived-has-observations',
  'division-by-zero',
  'duplicate-column',
  'duplicate-id',
  'duplicate-row',
  'duplicate-source-file',
  'duplicate-unit',
  'empty-cell',
  'empty-file',
  'extra-cells',
  'invisible-character',
  'link-outside-raw',
  'malformed-quote',
  'misnamed-file',
  'missing-column',
  'missing-file',
  'missing-input',
  'no-claims',
  'no-header',
  'no-quote',
  'not-a-file',
  'not-csv',
  'not-utf8',
  'observations-not-a-folder',
  'quote-not-found',
  'ratio-out-of-range',
  'ratio-unbounded',
  'reject',
  'second-essay',
  'stance-mismatch',
  'unclosed-quote',
  'unit-alias-clash',
  'unknown-column',
  'unknown-file',
  'unknown-kind',
  'unknown-locale',
  'unknown-measure',
  'unknown-method',
  'unknown-source',
  'unknown-unit',
  'unreadable-file',
  'unreadable-folder',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

// ---------------------------------------------------------------- ingest

/** One CSV record as read: trimmed cells keyed by lower-case header name. */
export interface RawRecord {
  /** `path:line`, line 1-based and physical (header = 1, comments and blank lines count). */
  ref: string;
  line: number;
  cells: Record<string, string>;
}

export type RawFileKind = 'sources' | 'measures' | 'claims' | 'observations' | 'units';

export interface RawFile {
  /** Path relative to the raw folder, with `/` (`observations/zemskov-1991.csv`). */
  path: string;
  kind: RawFileKind;
  columns: string[];
  records: RawRecord[];
}

/** data/raw/essay.txt (or essay.md): the text the claims quote. */
export interface RawEssay {
  /** `essay.txt` or `essay.md`. */
  path: string;
  text: string;
}

export interface IngestResult {
  files: RawFile[];
  problems: Problem[];
  /** Absent or null when the raw folder holds no essay. */
  essay?: RawEssay | null;
}

// ---------------------------------------------------------------- clean

export interface Source {
  source_id: string;
  author: string;
  title: string;
  /** As written (`c. 1936`). */
  year: string;
  kind: Kind;
  publisher: string;
  url: string;
  locale: Locale;
  notes: string;
  ref: string;
}

export type Method =
  | { type: 'median' }
  | { type: 'priority'; order: Kind[] }
  | { type: 'ratio'; numerator: string; denominator: string }
  | { type: 'cagr'; measure: string; start?: number; end?: number };

export interface Measure {
  measure_id: string;
  label: string;
  unit: Unit;
  definition: string;
  method: Method;
  /** The method cell as written, normalised (`median` when empty). Written to reconciled.csv. */
  method_text: string;
  tolerance: number;
  ref: string;
}

export interface Observation {
  source_id: string;
  measure_id: string;
  period_start: string;
  period_end: string;
  /** Central value, in the measure's unit. */
  value: number;
  low: number;
  high: number;
  unit: Unit;
  qualifier: Qualifier;
  status: Status;
  page: string;
  /** The value cell as written. */
  raw: string;
  ref: string;
  note: string;
}

/** A reading of an essay claim: one row of data/raw/claims.csv. */
export interface Claim {
  claim_id: string;
  /** The essay claim this reading belongs to (claims.csv `claim`, default the claim_id). */
  claim: string;
  measure_id: string;
  /** Empty when the claim has no period. */
  period_start: string;
  period_end: string;
  /** Central value of the claimed text, in the measure's unit. */
  claimed: number;
  claimed_raw: string;
  summary: string;
  /** The essay's own words, verbatim ('' when none); checked against data/raw/essay.txt or .md. */
  quote: string;
  as: ClaimAs;
  stance: ClaimStance;
  ref: string;
}

export interface Reject {
  ref: string;
  raw: string;
  reason: string;
}

export interface CleanResult {
  /** The essay's text (data/raw/essay.txt or essay.md), null when the raw folder has none. */
  essay: string | null;
  sources: Source[];
  measures: Measure[];
  observations: Observation[];
  claims: Claim[];
  rejects: Reject[];
  /** Fatal errors and warnings; rejects appear here too (kind `reject`), and whole in `rejects`. */
  problems: Problem[];
}

// ---------------------------------------------------------------- reconcile

export interface ReconciledRow {
  measure_id: string;
  period_start: string;
  period_end: string;
  value: number;
  low: number;
  high: number;
  unit: Unit;
  method: string;
  n_sources: number;
  agreement: Agreement;
  sources: string[];
  outliers: string[];
  unverified: number;
  /** Not in reconciled.csv. Set when the row has bounds only: its value is the tightest bound, this one. */
  bound?: 'at_least' | 'at_most';
  /**
   * Not in reconciled.csv. What a claim's verdict is judged on (DESIGN §4: outliers never support a
   * claim): the hull of the agreeing sources' intervals, when that differs from [low, high]; null when
   * no source agrees with the value. Absent: [low, high].
   */
  support?: { low: number; high: number } | null;
}

export interface ClaimRow {
  claim_id: string;
  /** The essay claim the reading belongs to. */
  claim: string;
  measure_id: string;
  period_start: string;
  period_end: string;
  claimed: number;
  value: number | null;
  low: number | null;
  high: number | null;
  ratio: number | null;
  verdict: Verdict;
}

export interface AuditObservation {
  ref: string;
  source_id: string;
  raw: string;
  value: number;
  low: number;
  high: number;
  status: Status;
}

export interface AuditEntry {
  measure_id: string;
  period_start: string;
  period_end: string;
  method: string;
  used: AuditObservation[];
  set_aside: (AuditObservation & { reason: string })[];
  /** For derived rows: the reconciled rows they were computed from. */
  inputs: { measure_id: string; period_start: string; period_end: string; value: number }[];
  /** The arithmetic in a sentence a reader can follow. */
  explanation: string;
}

export interface ReconcileResult {
  reconciled: ReconciledRow[];
  claims: ClaimRow[];
  audit: AuditEntry[];
  problems: Problem[];
}

// ---------------------------------------------------------------- config

/** The report's identity: the front matter of report/index.md (DESIGN §8). Empty strings when not given. */
export interface ReportIdentity {
  title: string;
  subtitle: string;
  author: string;
  publisher: string;
  language: string;
  /** The essay under examination; `title` is '' when the report examines none. */
  essay: { title: string; author: string; year: string; url?: string };
}

/** The identity plus norma.config.json's build settings. */
export interface NormaConfig extends ReportIdentity {
  baseUrl: string;
}

/** Everything the charts and html stages read. Built from data/clean plus the catalog. */
export interface ReportData {
  config: NormaConfig;
  sources: Source[];
  measures: Measure[];
  observations: Observation[];
  claims: Claim[];
  rejects: Reject[];
  reconciled: ReconciledRow[];
  verdicts: ClaimRow[];
  audit: AuditEntry[];
  /** The essay's text, when data/raw/essay.txt or .md exists. */
  essay: string | null;
  /** One per essay claim, in the essay's order (pipeline/data/reconcile/claim-findings.ts). */
  findings: ClaimFinding[];
}

/** A reading of a claim as the findings show it: its verdict row and what it compares. */
export interface ReadingFinding extends ClaimRow {
  as: ClaimAs;
  summary: string;
  /** Sources of the row it was held against (0 when no_data). */
  n_sources: number;
}

/** One essay claim with its readings and the verdict on it (rules: pipeline/data/reconcile/claim-findings.ts). */
export interface ClaimFinding {
  /** The claim id shared by its readings. */
  claim: string;
  quote: string;
  stance: ClaimStance;
  /** Order of the claim in the essay: the quote's offset in the essay (or claims.csv order). */
  order: number;
  readings: ReadingFinding[];
  /** The claim's verdict: that of its deciding reading (see claim-findings.ts). */
  verdict: Verdict;
  /** Does the evidence bear the essay out? null when no_data. */
  bornOut: boolean | null;
}

export interface ChartOutput {
  id: string;
  title: string;
  description: string;
  /** The source line printed under the chart, built from provenance. */
  sourceLine: string;
  svg: string;
}

export interface RawInput {
  /** Path relative to the raw folder, with `/`. */
  path: string;
  kind: RawFileKind;
  bytes: Uint8Array;
}

export interface ReportFile {
  /** `index.md`, `02-growth.md` */
  name: string;
  /** How errors name it: `report/index.md`. */
  ref: string;
  text: string;
}
