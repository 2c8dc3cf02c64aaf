import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readMeasuringPrint, secondPrintCss } from '../../pipeline/report/pdf/toc-pages.ts';

/** A three-page PDF with named destinations and, on pages 2 and 3, internal links at two heights. */
async function measuringPrint(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const pages = [doc.addPage([600, 800]), doc.addPage([600, 800]), doc.addPage([600, 800])];
  const dests = doc.context.obj({
    intro: [pages[0]!.ref, PDFName.of('XYZ'), 0, 800, 0],
    'gulag-population': [pages[1]!.ref, PDFName.of('XYZ'), 0, 400, 0],
    'Ж"<x>': [pages[2]!.ref, PDFName.of('XYZ'), 0, 700, 0],
  });
  doc.catalog.set(PDFName.of('Dests'), dests);
  const link = (dest: string, y: number) =>
    doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [50, y - 10, 200, y], Dest: PDFName.of(dest) }),
    );
  pages[1]!.node.set(PDFName.of('Annots'), doc.context.obj([link('row-b', 300), link('row-a', 700)]));
  pages[2]!.node.set(PDFName.of('Annots'), doc.context.obj([link('row-c', 650)]));
  return doc.save();
}

describe('the measuring print', () => {
  it('gives each destination its page and each page its topmost link', async () => {
    const measured = await readMeasuringPrint(await measuringPrint());
    expect(measured.pages.get('intro')).toBe(1);
    expect(measured.pages.get('gulag-population')).toBe(2);
    expect(measured.pageTops).toEqual(['', 'row-a', 'row-c']);
  });
  it('becomes CSS that numbers the contents and names the measure a page continues, escaped', () => {
    const css = secondPrintCss({
      pages: new Map([
        ['intro', 1],
        ['a"b</style>', 7],
      ]),
      pageTops: ['', 'row-a', 'row-a'],
    });
    expect(css).toContain('.toc a[href="#intro"]::after { content: "1"; }');
    expect(css).not.toContain('</style>');
    expect(css).toContain('a\\22 b\\3c /style\\3e "]::after { content: "7"; }');
    expect(css.match(/tr\.cont:has\(td a\[href="#row-a"\]\) td\.label \.visually-hidden/g)).toHaveLength(1);
    expect(secondPrintCss({ pages: new Map(), pageTops: [''] })).toBe('');
  });
});
