/** Characters XML 1.0 forbids (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF): dropped. */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for HTML and XML, in element content and quoted attributes alike. */
export function escapeMarkup(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
    );
}

/**
 * The base URL for absolute links, or '' (links stay relative) when it is not plain http(s): a
 * `javascript:` or `data:` base URL in the config must never become a link.
 */
export function safeBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    if (url.username || url.password) return '';
    url.search = '';
    url.hash = '';
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return '';
  }
}

/** True for a relative path of plain segments (what index and feed link to). */
export const isSafeRelative = (href: string): boolean =>
  /^[a-zA-Z0-9][a-zA-Z0-9._\-/]*$/.test(href) && !href.includes('..');
