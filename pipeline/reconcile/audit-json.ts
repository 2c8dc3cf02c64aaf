// audit.json as bytes, in pieces: one reconciled row's header on a line, then one observation per line, so
// that a changed figure shows as one changed line in review and a million observations never become one
// string. The JSON is what JSON.stringify gives for the same values, laid out differently.
import { ByteWriter, bytePieces } from '../byte-writer.ts';
import type { AuditEntry, AuditObservation } from '../types.ts';
import { writeJsonNumber, writeJsonString } from '../write-csv.ts';

/** A `used` or `set_aside` list: `[]`, or one observation a line. */
function writeObservations(
  w: ByteWriter,
  list: readonly (AuditObservation & { reason?: string })[],
  withReason: boolean,
): void {
  if (list.length === 0) {
    w.ascii('[]');
    return;
  }
  w.byte(91);
  for (let i = 0; i < list.length; i++) {
    const o = list[i] as AuditObservation & { reason?: string };
    w.ascii(i === 0 ? '\n  {"ref":' : ',\n  {"ref":');
    writeJsonString(w, o.ref);
    w.ascii(',"source_id":');
    writeJsonString(w, o.source_id);
    w.ascii(',"raw":');
    writeJsonString(w, o.raw);
    w.ascii(',"value":');
    // Low and high are the value's bytes again when they equal it (the usual case).
    const from = w.length;
    writeJsonNumber(w, o.value);
    const to = w.length;
    w.ascii(',"low":');
    if (o.low === o.value) w.again(from, to);
    else writeJsonNumber(w, o.low);
    w.ascii(',"high":');
    if (o.high === o.value) w.again(from, to);
    else writeJsonNumber(w, o.high);
    w.ascii(',"status":');
    writeJsonString(w, o.status);
    if (withReason && o.reason !== undefined) {
      w.ascii(',"reason":');
      writeJsonString(w, o.reason);
    }
    w.byte(125);
  }
  w.ascii('\n ]');
}

function writeInputs(w: ByteWriter, inputs: AuditEntry['inputs']): void {
  if (inputs.length === 0) {
    w.ascii('[]');
    return;
  }
  w.byte(91);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as AuditEntry['inputs'][number];
    w.ascii(i === 0 ? '\n  {"measure_id":' : ',\n  {"measure_id":');
    writeJsonString(w, input.measure_id);
    w.ascii(',"period_start":');
    writeJsonString(w, input.period_start);
    w.ascii(',"period_end":');
    writeJsonString(w, input.period_end);
    w.ascii(',"value":');
    writeJsonNumber(w, input.value);
    w.byte(125);
  }
  w.ascii('\n ]');
}

/** One entry, preceded by `,\n` unless it is the first of the file. */
function writeEntry(w: ByteWriter, e: AuditEntry, index: number): void {
  w.ascii(index === 0 ? '{"measure_id":' : ',\n{"measure_id":');
  writeJsonString(w, e.measure_id);
  w.ascii(',"period_start":');
  writeJsonString(w, e.period_start);
  w.ascii(',"period_end":');
  writeJsonString(w, e.period_end);
  w.ascii(',"method":');
  writeJsonString(w, e.method);
  w.ascii(',\n "used":');
  writeObservations(w, e.used, false);
  w.ascii(',\n "set_aside":');
  writeObservations(w, e.set_aside, true);
  w.ascii(',\n "inputs":');
  writeInputs(w, e.inputs);
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
  return bytePieces(
    audit,
    writeEntry,
    (w) => w.ascii(audit.length === 0 ? '[]\n' : '[\n'),
    (w) => {
      if (audit.length > 0) w.ascii('\n]\n');
    },
  );
}
