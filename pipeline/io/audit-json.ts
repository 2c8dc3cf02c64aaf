// audit.json as bytes, in pieces: one reconciled row's header on a line, then one observation per line, so
// that a changed figure shows as one changed line in review and a million observations never become one
// string. The JSON is what JSON.stringify gives for the same values, laid out differently.

import type { AuditEntry, AuditObservation } from '../core/types.ts';
import { ByteWriter, bytePieces } from './byte-writer.ts';
import { readObservationAhead } from './read-ahead.ts';
import { writeJsonNumber, writeJsonString } from './write-csv.ts';

/** A list: `[]`, or one item a line. */
function writeList<T>(w: ByteWriter, list: readonly T[], writeItem: (w: ByteWriter, item: T) => void): void {
  if (list.length === 0) {
    w.ascii('[]');
    return;
  }
  for (let i = 0; i < list.length; i++) {
    w.ascii(i === 0 ? '[\n  ' : ',\n  ');
    writeItem(w, list[i] as T);
  }
  w.ascii('\n ]');
}

/** `"measure_id":…,"period_start":…,"period_end":…` of a reconciled row or an input. */
function writeRowKey(
  w: ByteWriter,
  row: { measure_id: string; period_start: string; period_end: string },
): void {
  w.ascii('"measure_id":');
  writeJsonString(w, row.measure_id);
  w.ascii(',"period_start":');
  writeJsonString(w, row.period_start);
  w.ascii(',"period_end":');
  writeJsonString(w, row.period_end);
}

const encoder = new TextEncoder();
const ascii = (text: string): Uint8Array => encoder.encode(text);
// An observation's keys and punctuation, encoded once: they are most of audit.json's bytes.
const REF = ascii('{"ref":');
const SOURCE_ID = ascii(',"source_id":');
const RAW = ascii(',"raw":');
const VALUE = ascii(',"value":');
const LOW = ascii(',"low":');
const HIGH = ascii(',"high":');
const STATUS = ascii(',"status":');
const REASON = ascii(',"reason":');

/** An observation of `used`, or of `set_aside` with the reason it was set aside. */
function writeObservation(w: ByteWriter, o: AuditObservation & { reason?: string }): void {
  w.bytes(REF);
  writeJsonString(w, o.ref);
  w.bytes(SOURCE_ID);
  writeJsonString(w, o.source_id);
  w.bytes(RAW);
  writeJsonString(w, o.raw);
  w.bytes(VALUE);
  // Low and high are the value's bytes again when they equal it (the usual case).
  const from = w.length;
  writeJsonNumber(w, o.value);
  const to = w.length;
  w.bytes(LOW);
  if (o.low === o.value) w.again(from, to);
  else writeJsonNumber(w, o.low);
  w.bytes(HIGH);
  if (o.high === o.value) w.again(from, to);
  else writeJsonNumber(w, o.high);
  w.bytes(STATUS);
  writeJsonString(w, o.status);
  if (o.reason !== undefined) {
    w.bytes(REASON);
    writeJsonString(w, o.reason);
  }
  w.byte(125);
}

/** What writeEntry follows from an entry: its observations' parts (see read-ahead.ts). */
function readEntryAhead(e: AuditEntry): number {
  let sum = 0;
  for (const o of e.used) sum += readObservationAhead(o);
  for (const o of e.set_aside) sum += readObservationAhead(o);
  return sum;
}

function writeInput(w: ByteWriter, input: AuditEntry['inputs'][number]): void {
  w.byte(123);
  writeRowKey(w, input);
  w.ascii(',"value":');
  writeJsonNumber(w, input.value);
  w.byte(125);
}

/** One entry, preceded by `,\n` unless it is the first of the file. */
function writeEntry(w: ByteWriter, e: AuditEntry, index: number): void {
  w.ascii(index === 0 ? '{' : ',\n{');
  writeRowKey(w, e);
  w.ascii(',"method":');
  writeJsonString(w, e.method);
  w.ascii(',\n "used":');
  writeList(w, e.used, writeObservation);
  w.ascii(',\n "set_aside":');
  writeList(w, e.set_aside, writeObservation);
  w.ascii(',\n "inputs":');
  writeList(w, e.inputs, writeInput);
  w.ascii(',\n "explanation":');
  writeJsonString(w, e.explanation);
  w.byte(125);
}

/**
 * The entries' JSON joined with `,\n`, without brackets or a final newline (empty for none): exactly the
 * bytes auditJsonChunks writes between `[\n` and `\n]\n`.
 */
export function auditEntriesJson(entries: readonly AuditEntry[]): Uint8Array {
  const w = new ByteWriter(Math.max(1024, entries.length * 2048));
  for (let i = 0; i < entries.length; i++) writeEntry(w, entries[i] as AuditEntry, i);
  return w.done();
}

/** The audit as JSON bytes, in pieces, with a final newline. */
export function auditJsonChunks(audit: readonly AuditEntry[]): Generator<Uint8Array> {
  return bytePieces(audit, writeEntry, {
    head: (w) => w.ascii(audit.length === 0 ? '[]\n' : '[\n'),
    tail: (w) => {
      if (audit.length > 0) w.ascii('\n]\n');
    },
    // An entry has a few observations to a few dozen: a smaller batch keeps them in the cache.
    readAhead: readEntryAhead,
    batch: 8,
  });
}
