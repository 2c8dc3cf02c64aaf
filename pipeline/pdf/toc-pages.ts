// Page numbers for the contents: Chromium has no target-counter(), so the pdf stage prints twice. The
// first, measuring print paints next to nothing (MEASURE_CSS) and is read for the page of every link
// target; the second, real print shows those numbers in the contents' ::after slots. The slots have
// their width in both prints, and visibility changes no layout, so the numbers are the pages the
// headings land on in the real print.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { cssString } from '../html/render-report.ts';

/**
 * The measuring print's extra style: everything hidden (visibility keeps every box where it is) but the
 * link targets, whose places Chromium records as named destinations, and the contents' links that make
 * them targets. Hidden boxes are not painted, so this print costs layout and little else.
 */
export const MEASURE_CSS = `@media print {
  body * { visibility: hidden !important; }
  [id], .toc, .toc * { visibility: visible !important; }
  svg * { display: none !important; }
}`;

/** Decodes a PDF name's #xx escapes as UTF-8 (Chromium writes an id's bytes that way). */
function nameText(name: PDFName): string {
  return Buffer.from(name.decodeText(), 'latin1').toString('utf8');
}

/** Every named destination of a Chromium PDF (its catalog's /Dests) with its 1-based page. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const pages = new Map<string, number>();
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (!(dests instanceof PDFDict)) return pages;
  for (const [name, value] of dests.entries()) {
    const dest = doc.context.lookup(value);
    const array = dest instanceof PDFDict ? dest.lookup(PDFName.of('D')) : dest;
    const page = array instanceof PDFArray ? array.get(0) : undefined;
    const number = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
    if (number !== undefined) pages.set(nameText(name), number);
  }
  return pages;
}

/** The real print's extra style: each contents entry's page, by the fragment its link points to. */
export function tocPageCss(pages: Map<string, number>): string {
  return [...pages]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, page]) => `.toc a[href=${cssString(`#${id}`)}]::after { content: "${page}"; }`)
    .join('\n');
}
