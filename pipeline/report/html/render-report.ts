// The html stage core: templates + ReportData + charts + meta → one self-contained HTML document.
// renderReport is pure (same input, same bytes); loadTemplates is the file-reading edge.
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import type { ChartOutput, ReportData } from '../../core/types.ts';
import { packageDir } from '../../io/package-dir.ts';
import type { CompiledReport } from '../definition/compile-report.ts';
import { buildReportView } from './build-view.ts';
import { FONT_FACES, type FontFile, fontFaceCss, parseFontsourceCss } from './font-face.ts';
import { registerHelpers } from './helpers.ts';
import { symbolFontCss } from './symbol-font.ts';
import type { ReportMeta } from './view-types.ts';

export type { ChangeSet, ReportMeta, Row } from './view-types.ts';

export interface Templates {
  /** templates/layout.hbs */
  layout: string;
  /** templates/partials/<name>.hbs by name, sorted. */
  partials: Record<string, string>;
  /** templates/report.css (screen and @media print). */
  css: string;
  /** @font-face rules with the woff2 files inlined as data: URLs. */
  fontCss: string;
}

/** A CSS string: quotes, backslashes, line breaks and angle brackets escaped, so no text can end the rule or the <style>. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r<>\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/** @page size and margins from a fixed table, never from data. */
const PAGE: Record<ReportMeta['paper'], { size: string; margin: string }> = {
  a4: { size: 'A4', margin: '18mm 17mm 20mm' },
  letter: { size: 'letter', margin: '0.7in 0.7in 0.8in' },
};

/**
 * The running header (the report's title) and the "Page X of Y" footer as CSS page-margin boxes, so
 * that the cover page can go without them (`@page :first`). The pdf stage prints with these instead
 * of Chromium's header and footer templates.
 */
export function pageCss(paper: ReportMeta['paper'], title: string): string {
  const box = "font-family: 'PT Sans', 'Liberation Sans', sans-serif; font-size: 7.5pt; color: #555;";
  const { size, margin } = PAGE[paper];
  return [
    `@page { size: ${size}; margin: ${margin};`,
    `  @top-left { content: ${cssString(title)}; ${box} }`,
    `  @bottom-center { content: "Page " counter(page) " of " counter(pages); ${box} } }`,
    '@page :first { @top-left { content: none; } @bottom-center { content: none; } }',
  ].join('\n');
}

export function renderReport(input: {
  templates: Templates;
  data: ReportData;
  charts: ChartOutput[];
  meta: ReportMeta;
  report: CompiledReport;
}): string {
  const { templates, data, charts, meta, report } = input;
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const name of Object.keys(templates.partials).sort())
    hb.registerPartial(name, templates.partials[name]!);
  const compiled = new Map<string, (context: unknown) => string>();
  const partial = (name: string) => {
    let t = compiled.get(name);
    if (!t) {
      const source = templates.partials[name];
      if (source === undefined) throw new Error(`templates/partials/${name}.hbs is missing.`);
      t = hb.compile(source, { preventIndent: true });
      compiled.set(name, t);
    }
    return t;
  };
  const view = buildReportView(data, charts, meta, report, partial);
  const css = [templates.fontCss, templates.css, pageCss(view.paper, data.config.title)].join('\n');
  const html = hb.compile(templates.layout, { preventIndent: true })({ ...view, css });
  // Collapse the blank lines template tags leave behind; the text of <pre> is never produced here.
  return `${html.replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n').trim()}\n`;
}

/** Edge: read templates/*.hbs, templates/partials/*.hbs, templates/*.css and the @fontsource fonts. */
export async function loadTemplates(root: string): Promise<Templates> {
  const dir = path.join(root, 'templates');
  const layout = await readFile(path.join(dir, 'layout.hbs'), 'utf8');
  const partialDir = path.join(dir, 'partials');
  const partials: Record<string, string> = {};
  for (const file of (await readdir(partialDir)).filter((f) => f.endsWith('.hbs')).sort()) {
    partials[file.slice(0, -4)] = await readFile(path.join(partialDir, file), 'utf8');
  }
  const cssFiles = (await readdir(dir))
    .filter((f) => f.endsWith('.css'))
    .sort((a, b) =>
      // report.css first, then print.css and any others.
      a === 'report.css' ? -1 : b === 'report.css' ? 1 : a.localeCompare(b),
    );
  const css = (await Promise.all(cssFiles.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
  const fontParts: string[] = [];
  for (const face of FONT_FACES) {
    const pkgDir = packageDir(root, `@fontsource/${face.pkg}`);
    for (const cssFile of face.files) {
      const blocks = parseFontsourceCss(await readFile(path.join(pkgDir, cssFile), 'utf8'), face.family);
      const files: FontFile[] = await Promise.all(
        blocks.map(async (b) => ({
          name: b.name,
          woff2: new Uint8Array(await readFile(path.join(pkgDir, 'files', `${b.name}.woff2`))),
        })),
      );
      fontParts.push(fontFaceCss(blocks, files));
    }
  }
  fontParts.push(symbolFontCss());
  return { layout, partials, css, fontCss: fontParts.join('\n') };
}
