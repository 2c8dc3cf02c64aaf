// Handlebars helpers: formatting of figures, dates and citations, badges and safe links. Every helper
// that returns markup escapes what it wraps; the rest return plain strings that Handlebars escapes.
import Handlebars from 'handlebars';
import {
  formatDate,
  formatPeriod,
  formatQualified,
  formatQuantity,
  formatRange,
  formatRatio,
} from '../../core/format-quantity.ts';
import { safeHttpUrl } from '../../core/safe-url.ts';
import type { Qualifier } from '../../core/types.ts';

type HB = typeof Handlebars;
const esc = (text: unknown) => Handlebars.escapeExpression(text == null ? '' : String(text));

/**
 * `Zemskov 1991, p. 10` from a short citation and a page; a page given as `pp. 10–27` or `ch. 1` is kept
 * as written, several pages (`10, 14`) read `pp. 10, 14`.
 */
export function formatCitation(cite: string, page = ''): string {
  const p = page.trim();
  const pageText =
    p === '' ? '' : /^[a-z]/i.test(p) ? `, ${p}` : /[,;–-]/.test(p) ? `, pp. ${p}` : `, p. ${p}`;
  return `${cite}${pageText}`;
}

const VERDICT_TEXT: Record<string, string> = {
  supported: 'supported',
  misattributed: 'misattributed',
  overstated: 'overstated',
  understated: 'understated',
  no_data: 'no data',
};

/** JSON that no text can end the <script> it stands in: `<`, `>`, `&` and line separators as \\u escapes. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value ?? null).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function verdictBadge(verdict: string): string {
  const cls = /^[a-z_]+$/.test(verdict) ? verdict.replace('_', '-') : 'unknown';
  return `<span class="badge verdict verdict-${cls}">${esc(VERDICT_TEXT[verdict] ?? verdict)}</span>`;
}

export function agreementBadge(agreement: string): string {
  const cls = /^[a-z]+$/.test(agreement) ? agreement : 'unknown';
  return `<span class="badge agreement agreement-${cls}">${esc(agreement)}</span>`;
}

export function unverifiedFlag(count: number): string {
  if (!count) return '';
  const title =
    count === 1
      ? '1 figure not confirmed in a readable source'
      : `${count} figures not confirmed in a readable source`;
  return `<span class="badge flag-unverified" title="${esc(title)}">unverified</span>`;
}

function num(x: unknown): number {
  return typeof x === 'number' ? x : Number(x);
}

/** Handlebars passes an options hash last; helpers drop it. */
function args(list: unknown[]): unknown[] {
  return list.slice(0, -1);
}

export function registerHelpers(hb: HB): void {
  hb.registerHelper('qty', (...a: unknown[]) => {
    const [value, unit] = args(a);
    return formatQuantity(num(value), String(unit ?? ''));
  });
  hb.registerHelper('range', (...a: unknown[]) => {
    const [low, high, unit] = args(a);
    return formatRange(num(low), num(high), String(unit ?? ''));
  });
  hb.registerHelper('qualified', (...a: unknown[]) => {
    const [value, low, high, unit, qualifier] = args(a);
    return formatQualified(
      num(value),
      num(low),
      num(high),
      String(unit ?? ''),
      String(qualifier) as Qualifier,
    );
  });
  hb.registerHelper('times', (...a: unknown[]) => {
    const [r] = args(a);
    return formatRatio(r === null || r === undefined ? null : num(r));
  });
  hb.registerHelper('period', (...a: unknown[]) => {
    const [start, end] = args(a);
    return formatPeriod(String(start ?? ''), String(end ?? ''));
  });
  hb.registerHelper('date', (...a: unknown[]) => formatDate(String(args(a)[0] ?? '')));
  hb.registerHelper('citation', (...a: unknown[]) => {
    const [cite, page] = args(a);
    return formatCitation(String(cite ?? ''), String(page ?? ''));
  });
  hb.registerHelper(
    'verdictBadge',
    (...a: unknown[]) => new hb.SafeString(verdictBadge(String(args(a)[0] ?? ''))),
  );
  hb.registerHelper(
    'agreementBadge',
    (...a: unknown[]) => new hb.SafeString(agreementBadge(String(args(a)[0] ?? ''))),
  );
  hb.registerHelper(
    'flagUnverified',
    (...a: unknown[]) => new hb.SafeString(unverifiedFlag(num(args(a)[0]) || 0)),
  );
  hb.registerHelper('link', (...a: unknown[]) => {
    const [url, text] = args(a);
    const href = safeHttpUrl(String(url ?? ''));
    const label = esc(text ?? url);
    return new hb.SafeString(href ? `<a href="${esc(href)}" rel="noopener">${label}</a>` : label);
  });
  hb.registerHelper('plural', (...a: unknown[]) => {
    const [n, one, many] = args(a);
    return `${num(n)} ${num(n) === 1 ? String(one) : String(many)}`;
  });
  hb.registerHelper('eq', (...a: unknown[]) => {
    const [x, y] = args(a);
    return x === y;
  });
  hb.registerHelper('gt', (...a: unknown[]) => {
    const [x, y] = args(a);
    return num(x) > num(y);
  });
  // JSON for a <script type="application/ld+json">: escaped for that context, not for HTML.
  hb.registerHelper('jsonLd', (...a: unknown[]) => new hb.SafeString(jsonForScript(args(a)[0])));
}
