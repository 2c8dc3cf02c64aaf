import { escapeMarkup as e } from '../../core/escape-markup.ts';
import type { NormaConfig } from '../../core/types.ts';
import { describeChanges } from './changes.ts';
import type { EditionManifest } from './edition-store.ts';

const link = (href: string, text: string): string => `<a href="${e(href)}">${e(text)}</a>`;

/** The clean files an edition carries, as the index names them. */
const DATA_FILES: readonly (readonly [string, string])[] = [
  ['reconciled.csv', 'figures (CSV)'],
  ['observations.csv', 'observations (CSV)'],
  ['claims.csv', 'claims (CSV)'],
  ['audit.json', 'audit (JSON)'],
  ['rejects.csv', 'rejects (CSV)'],
];

/**
 * Pure: `index.html`, every edition newest first with its date, what changed and its files. Relative
 * links only (the page sits at the top of reports/), no script, no remote resource.
 */
export function renderIndex(
  editions: readonly EditionManifest[],
  config: NormaConfig,
  hasLatestPdf: boolean,
): string {
  const rows = editions.map((m) => {
    const dir = `editions/${m.edition}/`;
    const pdf = m.files.find((f) => f.path === 'report.pdf');
    const files = [
      m.files.some((f) => f.path === 'report.html') ? link(`${dir}report.html`, 'HTML') : '',
      pdf ? link(`${dir}report.pdf`, 'PDF') : '',
      ...DATA_FILES.filter(([name]) => m.files.some((f) => f.path === name)).map(([name, text]) =>
        link(`${dir}${name}`, text),
      ),
      link(`${dir}manifest.json`, 'manifest'),
    ].filter(Boolean);
    return [
      '      <tr>',
      `        <td><time datetime="${e(m.date)}">${e(m.date.slice(0, 10))}</time></td>`,
      `        <td><code>${e(m.edition)}</code></td>`,
      `        <td>${e(describeChanges(m.changes))}</td>`,
      `        <td>${files.join(' · ')}</td>`,
      `        <td>${pdf ? `<code class="sum" title="SHA-256 of report.pdf">${e(pdf.sha256)}</code>` : ''}</td>`,
      '      </tr>',
    ].join('\n');
  });
  const latest = [
    link('report.html', 'Latest report (HTML)'),
    hasLatestPdf ? link('report.pdf', 'Latest report (PDF)') : '',
    link('feed.xml', 'Atom feed'),
    link('SHA256SUMS', 'Checksums (SHA256SUMS)'),
  ].filter(Boolean);
  const body =
    editions.length === 0
      ? '  <p>No edition has been published yet.</p>'
      : [
          '  <table>',
          '    <thead><tr><th>Date</th><th>Edition</th><th>Changes</th><th>Files</th><th>PDF checksum (SHA-256)</th></tr></thead>',
          '    <tbody>',
          ...rows,
          '    </tbody>',
          '  </table>',
        ].join('\n');
  return `<!doctype html>
<html lang="${e(config.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(config.title)} — editions</title>
  <link rel="alternate" type="application/atom+xml" title="${e(config.title)}" href="feed.xml">
  <style>
    body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
    code.sum { font-size: .7rem; word-break: break-all; color: #555; }
    nav a { margin-right: 1rem; }
  </style>
</head>
<body>
  <h1>${e(config.title)}</h1>
${config.subtitle ? `  <p>${e(config.subtitle)}</p>\n` : ''}  <nav>${latest.join(' ')}</nav>
  <h2>Editions</h2>
  <p>A new edition is published whenever the figures, the sources or the report's layout change. Each edition keeps its report, every clean data file it was made from and a manifest with checksums; check a download with <code>sha256sum -c SHA256SUMS</code>.</p>
${body}
</body>
</html>
`;
}
