/** Pure: `sha256sum` format (`<hex>  <path>`), paths relative to reports/ with `/`, sorted. */
export function formatSha256Sums(entries: readonly { path: string; sha256: string }[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sorted.map((x) => `${x.sha256}  ${x.path}\n`).join('');
}

/** Parses SHA256SUMS back (for tests and checks); lines that do not match are skipped. */
export function parseSha256Sums(text: string): { path: string; sha256: string }[] {
  const out: { path: string; sha256: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m) out.push({ sha256: m[1]!, path: m[2]! });
  }
  return out;
}
