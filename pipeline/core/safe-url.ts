// The one URL guard: only an absolute http(s) URL, written with its `//`, becomes a link anywhere (a
// source's or the essay's link in the report, the feed's base URL). javascript:, data:, protocol-relative
// and relative texts never do.

/** The URL, or null when the text is not an absolute http(s) URL. */
export function httpUrl(text: string): URL | null {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A link's href, or null: the text stays text. */
export function safeHttpUrl(text: string): string | null {
  return httpUrl(text)?.href ?? null;
}

/**
 * The base URL for absolute links, or '' (links stay relative) when it is not plain http(s) or carries
 * credentials: a `javascript:` or `data:` base URL in the config must never become a link.
 */
export function safeBaseUrl(baseUrl: string): string {
  const url = httpUrl(baseUrl);
  if (!url || url.username || url.password) return '';
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
