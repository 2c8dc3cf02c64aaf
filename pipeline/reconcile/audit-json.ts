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

/**
 * A `used` or `set_aside` list: `[]`, or one observation a line. Written out by hand, one flat `+=`
 * string, because it runs a million times on big folders; low and high reuse the value's text when they
 * equal it (the usual case).
 */
function observationsJson(
  list: readonly (AuditObservation & { reason?: string })[],
  withReason: boolean,
): string {
  if (list.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    const o = list[i] as AuditObservation & { reason?: string };
    const value = jsonNumber(o.value);
    const low = o.low === o.value ? value : jsonNumber(o.low);
    const high = o.high === o.value ? value : jsonNumber(o.high);
    out +=
      (i === 0 ? '\n  {"ref":' : ',\n  {"ref":') +
      jsonString(o.ref) +
      ',"source_id":' +
      repeated.get(o.source_id) +
      ',"raw":' +
      jsonString(o.raw) +
      ',"value":' +
      value +
      ',"low":' +
      low +
      ',"high":' +
      high +
      ',"status":' +
      repeated.get(o.status) +
      (withReason && o.reason !== undefined ? `,"reason":${jsonString(o.reason)}}` : '}');
  }
  return `${out}\n ]`;
}

function inputsJson(inputs: AuditEntry['inputs']): string {
  if (inputs.length === 0) return '[]';
  let out = '[';
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as AuditEntry['inputs'][number];
    out +=
      (i === 0 ? '\n  {"measure_id":' : ',\n  {"measure_id":') +
      jsonString(input.measure_id) +
      ',"period_start":' +
      jsonString(input.period_start) +
      ',"period_end":' +
      jsonString(input.period_end) +
      ',"value":' +
      jsonNumber(input.value) +
      '}';
  }
  return `${out}\n ]`;
}

function entryJson(e: AuditEntry): string {
  return (
    '{"measure_id":' +
    jsonString(e.measure_id) +
    ',"period_start":' +
    jsonString(e.period_start) +
    ',"period_end":' +
    jsonString(e.period_end) +
    ',"method":' +
    jsonString(e.method) +
    ',\n "used":' +
    observationsJson(e.used, false) +
    ',\n "set_aside":' +
    observationsJson(e.set_aside, true) +
    ',\n "inputs":' +
    inputsJson(e.inputs) +
    ',\n "explanation":' +
    jsonString(e.explanation) +
    '}'
  );
}

/**
 * Pieces of text are cut at about this many characters: a piece built with `+=` is a tree of small strings until
 * written, and small pieces die young, where a tree of a few MB outlives collections of the young
 * generation and is copied by each (bench/micro/writers.ts: 2000-entry pieces took ~1.5× as long).
 */
const PIECE_CHARS = 65_536;

/**
 * The entries' JSON joined with `,\n`, without brackets or a final newline (`''` for none): exactly the
 * text auditJsonChunks writes between `[\n` and `\n]\n`, from the same entryJson.
 */
export function auditEntriesJson(entries: readonly AuditEntry[]): string {
  const pieces: string[] = [];
  let piece = '';
  for (let i = 0; i < entries.length; i++) {
    piece += i === 0 ? entryJson(entries[i] as AuditEntry) : `,\n${entryJson(entries[i] as AuditEntry)}`;
    if (piece.length >= PIECE_CHARS) {
      pieces.push(piece);
      piece = '';
    }
  }
  pieces.push(piece);
  return pieces.join('');
}

/** The audit as JSON text, at most `entriesPerChunk` entries (and about PIECE_CHARS) a piece; a final newline. */
export function* auditJsonChunks(audit: readonly AuditEntry[], entriesPerChunk = 2_000): Generator<string> {
  if (audit.length === 0) {
    yield '[]\n';
    return;
  }
  let chunk = '[\n';
  let count = 0;
  for (let i = 0; i < audit.length; i++) {
    chunk += entryJson(audit[i] as AuditEntry);
    chunk += i === audit.length - 1 ? '\n]\n' : ',\n';
    if (++count >= entriesPerChunk || chunk.length >= PIECE_CHARS) {
      yield chunk;
      chunk = '';
      count = 0;
    }
  }
  if (chunk !== '') yield chunk;
}
