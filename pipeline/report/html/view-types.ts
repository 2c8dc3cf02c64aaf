// The plain views the templates print. Every figure in them comes from the data.
import type { ReconciledRow } from '../../core/types.ts';

export type Row = ReconciledRow;

export interface ChangeSet {
  previousEdition: string;
  added: Row[];
  removed: Row[];
  changed: { before: Row; after: Row }[];
}

export interface ReportMeta {
  /** YYYY-MM-DD */
  date: string;
  edition: string;
  /** Short hash of the data. */
  fingerprint: string;
  changes: ChangeSet | null;
  paper: 'a4' | 'letter';
}

export interface SourceRef {
  id: string;
  cite: string;
  /** Short name for compact tables: the author's surname and the year. */
  short: string;
}

export interface RowView {
  anchor: string;
  measureId: string;
  label: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  low: number;
  high: number;
  unit: string;
  isRange: boolean;
  nSources: number;
  agreement: string;
  contested: boolean;
  sources: SourceRef[];
  outliers: SourceRef[];
  unverified: number;
  method: string;
  /** First row of its measure in a table (the label is printed once). */
  first: boolean;
  /** The label with the period appended unless the label already names it. */
  labelPeriod: string;
  /** Same measure and sources as the row above (a series: the sources are printed once). */
  sameSources: boolean;
}

/** Which apparatus blocks the report prints: links go only to targets that exist. */
export interface Links {
  rows: boolean;
  sources: boolean;
  claims: boolean;
}

export interface TocEntry {
  id: string;
  number: number | null;
  title: string;
  children: { id: string; title: string }[];
}
