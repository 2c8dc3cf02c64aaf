import { ID_PATTERN, KINDS, type Kind, type Method } from '../../core/types.ts';
import { didYouMean, listWords } from './suggest.ts';

export type MethodResult = { ok: true; method: Method; text: string } | { ok: false; reason: string };

const FORMS =
  'use median, priority:<kind>><kind>…, ratio:<measure_a>/<measure_b>, cagr:<measure> or cagr:<measure>@<start>/<end>';

/**
 * The `method` cell of measures.csv (empty = median). Returns the method and its normalised text
 * (spaces dropped), which reconcile writes to reconciled.csv. Measure names are checked by the caller,
 * once every measure is known.
 */
export function parseMethod(cell: string): MethodResult {
  const text = cell.replace(/\s+/g, '');
  if (text === '' || text === 'median') return { ok: true, method: { type: 'median' }, text: 'median' };
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  const body = colon < 0 ? '' : text.slice(colon + 1);
  if (head === 'priority') {
    const order = body.split('>');
    const bad = order.filter((k) => !(KINDS as readonly string[]).includes(k));
    if (order.length === 0 || bad.length > 0) {
      const first = bad[0] ?? '';
      return {
        ok: false,
        reason: `unknown kind "${first}" in method "${cell}"${didYouMean(first, KINDS)}; kinds are ${listWords(KINDS)}`,
      };
    }
    return {
      ok: true,
      method: { type: 'priority', order: order as Kind[] },
      text: `priority:${order.join('>')}`,
    };
  }
  if (head === 'ratio') {
    const parts = body.split('/');
    if (parts.length !== 2 || !ID_PATTERN.test(parts[0]!) || !ID_PATTERN.test(parts[1]!))
      return { ok: false, reason: `method "${cell}" needs two measure ids: ratio:<measure_a>/<measure_b>` };
    return {
      ok: true,
      method: { type: 'ratio', numerator: parts[0]!, denominator: parts[1]! },
      text: `ratio:${parts[0]}/${parts[1]}`,
    };
  }
  if (head === 'cagr') {
    const at = body.indexOf('@');
    const measure = at < 0 ? body : body.slice(0, at);
    if (!ID_PATTERN.test(measure))
      return {
        ok: false,
        reason: `method "${cell}" needs a measure id: cagr:<measure> or cagr:<measure>@<start>/<end>`,
      };
    if (at < 0) return { ok: true, method: { type: 'cagr', measure }, text: `cagr:${measure}` };
    const span = /^(\d{4})\/(\d{4})$/.exec(body.slice(at + 1));
    if (!span || Number(span[1]) >= Number(span[2]))
      return {
        ok: false,
        reason: `method "${cell}" needs two years, the first earlier: cagr:${measure}@1928/1940`,
      };
    const start = Number(span[1]);
    const end = Number(span[2]);
    return {
      ok: true,
      method: { type: 'cagr', measure, start, end },
      text: `cagr:${measure}@${start}/${end}`,
    };
  }
  return {
    ok: false,
    reason: `unknown method "${cell}"${didYouMean(head, ['median', 'priority', 'ratio', 'cagr'])}; ${FORMS}`,
  };
}

/** The measures a derived method reads. */
export function methodInputs(method: Method): string[] {
  if (method.type === 'ratio') return [method.numerator, method.denominator];
  if (method.type === 'cagr') return [method.measure];
  return [];
}
