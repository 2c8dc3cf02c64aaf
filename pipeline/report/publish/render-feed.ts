import { escapeMarkup as e } from '../../core/escape-markup.ts';
import { safeBaseUrl } from '../../core/safe-url.ts';
import type { NormaConfig } from '../../core/types.ts';
import { describeChanges } from './changes.ts';
import type { EditionManifest } from './edition-store.ts';

/**
 * A tag URI (RFC 4151) for an edition: stable for ever, made from the site's host and the edition's
 * own date, so rebuilding the feed never changes an entry's id.
 */
export function editionEntryId(base: string, edition: EditionManifest): string {
  if (!base) return `urn:norma:edition:${edition.edition}`;
  const url = new URL(base);
  return `tag:${url.host},${edition.date.slice(0, 10)}:${url.pathname}editions/${edition.edition}`;
}

/**
 * Pure: `feed.xml`, an Atom feed with one entry per edition (newest first) linking its HTML, with
 * the PDF beside as an enclosure; each entry's title carries the edition's number. Links are
 * absolute with the config's base URL when it is http(s), else relative. Every date comes from an
 * edition, never the clock, so the feed's bytes change only when an edition is added.
 */
export function renderFeed(editions: readonly EditionManifest[], config: NormaConfig): string {
  const base = safeBaseUrl(config.baseUrl);
  const updated = editions[0]?.date ?? '1970-01-01T00:00:00Z';
  const entries = editions.map((m) => {
    const dir = `${base}editions/${m.edition}/`;
    const hasPdf = m.files.some((f) => f.path === 'report.pdf');
    const summary = describeChanges(m.changes);
    return `  <entry>
    <id>${e(editionEntryId(base, m))}</id>
    <title>${e(`${config.title}: edition ${m.sequence} of ${m.date.slice(0, 10)}`)}</title>
    <published>${e(m.date)}</published>
    <updated>${e(m.date)}</updated>
    <link rel="alternate" type="text/html" href="${e(`${dir}report.html`)}"/>
${hasPdf ? `    <link rel="enclosure" type="application/pdf" title="PDF" href="${e(`${dir}report.pdf`)}"/>\n` : ''}    <summary>${e(`${summary}. Edition ${m.edition}.`)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(config.language)}">
  <id>${e(base ? `${base}feed.xml` : 'urn:norma:feed')}</id>
  <title>${e(config.title)}</title>
${config.subtitle ? `  <subtitle>${e(config.subtitle)}</subtitle>\n` : ''}  <updated>${e(updated)}</updated>
  <author><name>${e(config.author)}</name></author>
  <generator>norma</generator>
  <link rel="self" type="application/atom+xml" href="${e(`${base}feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${e(base || 'index.html')}"/>
${entries.join('\n')}${entries.length ? '\n' : ''}</feed>
`;
}
