import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { normalisePdf, normalisePdfWithPages } from '../../pipeline/report/pdf/normalise-pdf.ts';
import type { PdfMeta } from '../../pipeline/report/pdf/pdf-meta.ts';

const meta: PdfMeta = {
  title: 'Norma & Reality',
  author: 'The editors',
  subject: 'Soviet industrialisation',
  keywords: ['Stakhanov', 'Gulag'],
  date: new Date('2024-03-01T10:00:00Z'),
  language: 'en',
};

/** A PDF the way Chromium varies it: same content, its own clock in the metadata. */
async function makePdf(printedAt: Date, text = 'hello'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(printedAt);
  doc.setModificationDate(printedAt);
  doc.setProducer('Skia/PDF m156');
  const page = doc.addPage([595.92, 841.92]);
  page.drawText(text, { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

describe('normalisePdf', () => {
  it('gives the same bytes for PDFs printed at different times', async () => {
    const a = await normalisePdf(await makePdf(new Date('2025-01-01T01:02:03Z')), meta);
    const b = await normalisePdf(await makePdf(new Date('2026-07-08T09:10:11Z')), meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('sets the metadata from meta and a content-derived /ID', async () => {
    const { bytes, pages } = await normalisePdfWithPages(await makePdf(new Date()), meta);
    expect(pages).toBe(1);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Norma & Reality');
    expect(doc.getAuthor()).toBe('The editors');
    expect(doc.getSubject()).toBe('Soviet industrialisation');
    expect(doc.getKeywords()).toBe('Stakhanov Gulag');
    expect(doc.getCreator()).toBe('norma');
    expect(doc.getProducer()).toBe('norma, Skia/PDF m156, pdf-lib');
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    // The pdf-lib path writes the same XMP packet as the fast path.
    const xmp = doc.catalog.lookup(PDFName.of('Metadata'));
    if (!(xmp instanceof PDFRawStream)) throw new Error('no /Metadata stream');
    const xml = Buffer.from(xmp.getContents()).toString('utf8');
    expect(xml).toContain('<rdf:li xml:lang="x-default">Norma &amp; Reality</rdf:li>');
    expect(xml).toContain('<pdf:Producer>norma, Skia/PDF m156, pdf-lib</pdf:Producer>');
    const text = Buffer.from(bytes).toString('latin1');
    const id = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(text);
    expect(id?.[1]).toBeDefined();
    expect(id?.[1]).toBe(id?.[2]);
    expect(id?.[1]).not.toBe('0'.repeat(32));
    const other = Buffer.from(await normalisePdf(await makePdf(new Date(), 'other'), meta)).toString(
      'latin1',
    );
    expect(/\/ID \[ <([0-9A-F]{32})>/.exec(other)?.[1]).not.toBe(id?.[1]);
  });
});
