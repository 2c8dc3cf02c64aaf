import * as path from 'node:path';
import { z } from 'zod';
import type { FileSystem, Logger } from '../../core/effects.ts';
import { shortHash } from './fingerprint.ts';

/** `editions/<id>/manifest.json`: what the edition is and holds; written last, so its presence means whole. */
export interface EditionManifest {
  edition: string;
  /** 1 for the first edition, then +1: orders editions that share a date. */
  sequence: number;
  fingerprint: string;
  /** ISO 8601 UTC, whole seconds: the build date of the edition. */
  date: string;
  paper: string;
  previousEdition: string | null;
  changes: { added: number; removed: number; changed: number } | null;
  /** The edition's files other than manifest.json, relative to the edition folder. */
  files: { path: string; bytes: number; sha256: string }[];
}

const manifestSchema = z.object({
  edition: z.string().regex(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{10}(-\d+)?$/),
  sequence: z.number().int().positive(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  paper: z.string(),
  previousEdition: z.string().nullable(),
  changes: z.object({ added: z.number(), removed: z.number(), changed: z.number() }).nullable(),
  files: z.array(
    z.object({
      path: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
      bytes: z.number(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export interface StoredEdition {
  manifest: EditionManifest;
  /** The manifest file's own bytes (its checksum goes into SHA256SUMS). */
  manifestBytes: Buffer;
}

export const EDITIONS_DIR = 'editions';
export const editionDir = (outDir: string, id: string): string => path.join(outDir, EDITIONS_DIR, id);

/** `2024-01-02T10:11:12Z` (no milliseconds: dates come from whole seconds). */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
export const editionId = (date: Date, fingerprint: string): string =>
  `${isoDay(date)}-${shortHash(fingerprint)}`;

/** Newest first: by sequence, then date, then id. */
export function compareEditions(a: EditionManifest, b: EditionManifest): number {
  return b.sequence - a.sequence || b.date.localeCompare(a.date) || b.edition.localeCompare(a.edition);
}

/**
 * Every whole edition under `<out>/editions/` (a folder without a valid manifest is a half-published
 * edition from a crash, and is ignored), newest first.
 */
export async function readEditions(
  fs: FileSystem,
  outDir: string,
  logger?: Logger,
): Promise<StoredEdition[]> {
  const dir = path.join(outDir, EDITIONS_DIR);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const editions: StoredEdition[] = [];
  for (const name of names) {
    const file = path.join(dir, name, 'manifest.json');
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      json = null;
    }
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success || parsed.data.edition !== name) {
      logger?.warn(
        `publish: ${EDITIONS_DIR}/${name}/manifest.json is not a valid edition manifest; ignored.`,
      );
      continue;
    }
    editions.push({ manifest: parsed.data, manifestBytes: bytes });
  }
  return editions.sort((a, b) => compareEditions(a.manifest, b.manifest));
}

export interface EditionRecord {
  id: string;
  manifest: EditionManifest;
  reconciledCsv: string;
}

async function loadRecord(fs: FileSystem, outDir: string, manifest: EditionManifest): Promise<EditionRecord> {
  const file = path.join(editionDir(outDir, manifest.edition), 'reconciled.csv');
  return { id: manifest.edition, manifest, reconciledCsv: await fs.readText(file) };
}

/** The newest whole edition with its reconciled.csv, or null before the first edition. */
export async function readLastEdition(fs: FileSystem, outDir: string): Promise<EditionRecord | null> {
  const [last] = await readEditions(fs, outDir);
  return last ? loadRecord(fs, outDir, last.manifest) : null;
}

export interface EditionPlan {
  /** The edition this build is (an existing one when the content has not changed). */
  id: string;
  /** The date to print in the report: the existing edition's date when the content has not changed. */
  date: Date;
  /** True when publish will make a new edition folder. */
  isNew: boolean;
  sequence: number;
  /** The edition to compare with for "What changed in this edition" (null for the first). */
  previous: EditionRecord | null;
  /** Why no new edition is made, for the stage line. */
  reason: string;
}

/**
 * What this build is, decided before rendering so that the HTML can show the edition's date and its
 * changes. Same fingerprint as the last edition: this build *is* that edition (same date, same changes,
 * so the latest files equal the edition's byte for byte). Otherwise a new edition — made only when the
 * PDF is built, since an HTML-only build never makes one.
 */
export async function planEdition(
  fs: FileSystem,
  outDir: string,
  fingerprint: string,
  buildDate: Date,
  withPdf: boolean,
  logger?: Logger,
): Promise<EditionPlan> {
  const editions = (await readEditions(fs, outDir, logger)).map((e) => e.manifest);
  const last = editions[0];
  const byId = (id: string | null) => editions.find((e) => e.edition === id);
  if (last && last.fingerprint === fingerprint) {
    const before = byId(last.previousEdition);
    return {
      id: last.edition,
      date: new Date(last.date),
      isNew: false,
      sequence: last.sequence,
      previous: before ? await loadRecord(fs, outDir, before) : null,
      reason: `unchanged since edition ${last.edition}`,
    };
  }
  const sequence = (last?.sequence ?? 0) + 1;
  // Several editions from one commit share its build date: each is a second after the last, so every
  // edition has its own time, and the newest is the latest in the feed and the index.
  const seconds = Math.floor(buildDate.getTime() / 1000) * 1000;
  const date = new Date(last ? Math.max(seconds, Date.parse(last.date) + 1000) : seconds);
  // A revert to an earlier edition's content is a new edition: the id of that one is taken, so the
  // new edition's id carries its sequence number.
  const plain = editionId(date, fingerprint);
  const id = byId(plain) === undefined ? plain : `${plain}-${sequence}`;
  return {
    id,
    date,
    isNew: withPdf,
    sequence,
    previous: last ? await loadRecord(fs, outDir, last) : null,
    reason: !withPdf ? 'an HTML-only build makes no edition' : `new edition ${id}`,
  };
}
