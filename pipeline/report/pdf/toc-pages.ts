// Page numbers for the contents: Chromium has no target-counter(), so the pdf stage prints twice. The
// first, measuring print paints next to nothing (MEASURE_CSS) and is read for the page of every link
// target and for the row each page's tables start with; the second, real print shows the numbers in the
// contents' ::after slots, and the measure's name on a row that continues a measure at the head of a
// page. The slots have their width in both prints, the name is placed out of flow, and visibility
// changes no layout, so the numbers are the pages the headings land on in the real print.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { cssString } from '../html/render-report.ts';

/**
 * The measuring print's extra style: everything hidden (visibility keeps every box where it is) but the
 * link targets, whose places Chromium records as named destinations, and the contents' links that make
 * them targets. Hidden boxes are not painted, so this print costs layout and little else.
 */
export const MEASURE_CSS = `@media print {
  body * { visibility: hidden !important; }
  [id], .toc, .toc *, table.rows tr.first td a[href^="#"], table.rows tr.cont td a[href^="#"] {
    visibility: visible !important;
  }
  svg * { display: none !important; }
}`;

/** Decodes a PDF name's #xx escapes as UTF-8 (Chromium writes an id's bytes that way). */
function nameText(name: PDFName): string {
  return Buffer.from(name.decodeText(), 'latin1').toString('utf8');
}

export interface Measured {
  /** Every named destination (the catalog's /Dests) with its 1-based page. */
  pages: Map<string, number>;
  /** Per page, the fragment of the topmost internal link on it: in the measuring print, a table row's. */
  pageTops: string[];
}

/** Reads the measuring print. */
export async function readMeasuringPrint(pdf: Uint8Array): Promise<Measured> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const pages = new Map<string, number>();
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) {
    for (const [name, value] of dests.entries()) {
      const dest = doc.context.lookup(value);
      const array = dest instanceof PDFDict ? dest.lookup(PDFName.of('D')) : dest;
      const page = array instanceof PDFArray ? array.get(0) : undefined;
      const number = page instanceof PDFRef ? pageOf.get(page.toString()) : undefined;
      if (number !== undefined) pages.set(nameText(name), number);
    }
  }
  const pageTops: string[] = [];
  for (const page of doc.getPages()) {
    let top: { y: number; name: string } | null = null;
    for (const ref of page.node.Annots()?.asArray() ?? []) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict)) continue;
      const dest = annot.lookup(PDFName.of('Dest'));
      const rect = annot.lookup(PDFName.of('Rect'));
      if (!(dest instanceof PDFName) || !(rect instanceof PDFArray)) continue;
      const y = Number(rect.lookup(3)?.toString());
      if (!top || y > top.y) top = { y, name: nameText(dest) };
    }
    pageTops.push(top?.name ?? '');
  }
  return { pages, pageTops };
}

/**
 * The real print's extra style: each contents entry's page, by the fragment its link points to; and on
 * a row that heads a page but continues a measure (`tr.cont`, its name visually hidden), the name shown
 * muted on one line, out of flow so that it moves nothing. In the row's own face and style: a face the
 * page has not used yet (PT Sans italic) would still be loading when this print paints, and the bytes
 * would depend on the race.
 */
export function secondPrintCss({ pages, pageTops }: Measured): string {
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const numbers = [...pages]
    .sort(([a], [b]) => byId(a, b))
    .map(([id, page]) => `.toc a[href=${cssString(`#${id}`)}]::after { content: "${page}"; }`);
  const tops = [...new Set(pageTops.filter((t) => t !== ''))].sort(byId);
  const continued = tops.length
    ? [
        `${tops.map((t) => `table.rows tr.cont:has(td a[href=${cssString(`#${t}`)}]) td.label`).join(',\n')} {`,
        '  position: relative;',
        '}',
        `${tops.map((t) => `table.rows tr.cont:has(td a[href=${cssString(`#${t}`)}]) td.label .visually-hidden`).join(',\n')} {`,
        '  position: absolute; inset: 0.25rem 0.4rem auto; width: auto; height: auto; clip: auto;',
        '  overflow: hidden; white-space: nowrap; text-overflow: ellipsis; color: var(--muted, #666);',
        '}',
      ]
    : [];
  return [...numbers, ...continued].join('\n');
}
