// @font-face rules with the fonts inlined as data: URLs, so that the report loads nothing from outside.
// Pure: the @fontsource CSS and font bytes in, CSS out (load-templates.ts reads the files).

export interface FontFile {
  /** The @fontsource block name, e.g. `source-serif-4-latin-400-normal`. */
  name: string;
  woff2: Uint8Array;
}

/** The faces the report uses: serif body and headings, sans for tables and charts; latin + cyrillic. */
export const FONT_FACES: readonly { pkg: string; family: string; files: string[] }[] = [
  { pkg: 'source-serif-4', family: 'source-serif-4', files: ['400.css', '400-italic.css', '600.css'] },
  { pkg: 'pt-sans', family: 'pt-sans', files: ['400.css', '400-italic.css', '700.css'] },
];
export const FONT_SUBSETS = ['latin', 'cyrillic'] as const;

/** Pick the latin and cyrillic blocks out of an @fontsource CSS file: `name → block body`. */
export function parseFontsourceCss(css: string, family: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const re = /\/\*\s*([a-z0-9-]+)\s*\*\/\s*@font-face\s*\{([^}]*)\}/g;
  for (let m = re.exec(css); m !== null; m = re.exec(css)) {
    const name = m[1] ?? '';
    const subset = name.slice(family.length + 1).replace(/-\d+-(normal|italic)$/, '');
    if ((FONT_SUBSETS as readonly string[]).includes(subset)) out.push({ name, body: m[2] ?? '' });
  }
  return out;
}

export function fontFaceCss(blocks: { name: string; body: string }[], files: FontFile[]): string {
  return blocks
    .map(({ name, body }) => {
      const file = files.find((f) => f.name === name);
      if (!file) return '';
      const src = `src: url(data:font/woff2;base64,${Buffer.from(file.woff2).toString('base64')}) format('woff2');`;
      const lines = body
        .split(/;\s*/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('src:') && !l.startsWith('font-display'))
        .map((l) => `${l};`);
      return `@font-face{${[...lines, 'font-display: block;', src].join('')}}`;
    })
    .filter((b) => b !== '')
    .join('\n');
}
