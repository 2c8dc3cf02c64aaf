export { escapeMarkup } from '../../core/escape-markup.ts';
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
