// audit.json as text, in pieces: one reconciled row's header on a line, then one observation per line, so
// that a changed figure shows as one changed line in review and a million observations never become one
// string. The JSON is what JSON.stringify gives for the same values, laid out differently.
import type { AuditEntry, AuditObservation } from '../types.ts';
import { CellCache, jsonString } from '../write-csv.ts';

function jsonNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

// Source ids and statuses repeat on every line: their JSON text is built once.
const repeated = new CellCache(jsonString, 10_000);

function observationJson(o: AuditObservation, reason?: string): string {
  const tail = reason === undefined ? '' : `,"reason":${jsonString(reason)}`;
  const value = jsonNumber(o.value);
  const low = o.low === o.value ? value : jsonNumber(o.low);
  const high = o.high === o.value ? value : jsonNumber(o.high);
  return `{"ref":${jsonString(o.ref)},"source_id":${repeated.get(o.source_id)},"raw":${jsonString(o.raw)},"value":${value},"low":${low},"high":${high},"status":${repeated.get(o.status)}${tail}}`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `[\n  ${items.join(',\n  ')}\n ]`;
}

function entryJson(e: AuditEntry): string {
  const inputs = e.inputs.map(
    (i) =>
      `{"measure_id":${jsonString(i.measure_id)},"period_start":${jsonString(i.period_start)},` +
      `"period_end":${jsonString(i.period_end)},"value":${jsonNumber(i.value)}}`,
  );
  return (
    `{"measure_id":${jsonString(e.measure_id)},"period_start":${jsonString(e.period_start)},` +
    `"period_end":${jsonString(e.period_end)},"method":${jsonString(e.method)},\n` +
    ` "used":${list(e.used.map((o) => observationJson(o)))},\n` +
    ` "set_aside":${list(e.set_aside.map((o) => observationJson(o, o.reason)))},\n` +
    ` "inputs":${list(inputs)},\n` +
    ` "explanation":${jsonString(e.explanation)}}`
  );
}

/** The audit as JSON text, `entriesPerChunk` rows at a time; a final newline. */
export function* auditJsonChunks(audit: readonly AuditEntry[], entriesPerChunk = 2_000): Generator<string> {
  if (audit.length === 0) {
    yield '[]\n';
    return;
  }
  let chunk = '[\n';
  for (let i = 0; i < audit.length; i++) {
    chunk += entryJson(audit[i] as AuditEntry);
    chunk += i === audit.length - 1 ? '\n]\n' : ',\n';
    if ((i + 1) % entriesPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
