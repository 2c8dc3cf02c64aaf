import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { patchInfo, pdfString } from '../../pipeline/report/pdf/patch-info.ts';

/** A small PDF shaped like Skia's: Info as object 1, one classic xref table, no /ID. */
function skiaLikePdf(): Buffer {
  const objects = [
    "<</Title (Old)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20260101120000+00'00')>>",
    '<</Type /Catalog\n/Pages 3 0 R\n/Lang (en)>>',
    '<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(body, 'latin1');
}

const meta = {
  title: 'Norma — Реальность (1)',
  author: 'The editors',
  subject: 'Subject',
  keywords: ['a', 'b'],
  date: new Date('2023-11-14T22:13:20Z'),
  language: 'en',
};

describe('patchInfo', () => {
  it('replaces the Info object and keeps every xref offset pointing at its object', async () => {
    const patched = patchInfo(skiaLikePdf(), meta);
    expect(patched).not.toBeNull();
    const text = patched!.bytes.toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.startsWith('xref', xrefAt)).toBe(true);
    const entries = text.slice(xrefAt).split('\n').slice(3, 7);
    for (const [i, entry] of entries.entries()) {
      expect(text.startsWith(`${i + 1} 0 obj`, Number(entry.slice(0, 10)))).toBe(true);
    }
    expect(patched!.pages).toBe(1);
    expect(text).toContain('/ID [<');
    // pdf-lib reads it back with the new metadata.
    const doc = await PDFDocument.load(patched!.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe('The editors');
    expect(doc.getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
  it('adds the XMP packet as a new object the catalog names, and pdf-lib reads it back', async () => {
    const patched = patchInfo(skiaLikePdf(), meta)!;
    const text = patched.bytes.toString('latin1');
    expect(text).toMatch(/\/Size 6\n/);
    expect(text).toMatch(/\/Metadata 5 0 R>>/);
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    const entry = text.slice(xrefAt).split('\n')[7]!;
    expect(text.startsWith('5 0 obj\n<</Type /Metadata', Number(entry.slice(0, 10)))).toBe(true);
    const doc = await PDFDocument.load(patched.bytes, { updateMetadata: false });
    const stream = doc.catalog.lookup(PDFName.of('Metadata'));
    if (!(stream instanceof PDFRawStream)) throw new Error('no /Metadata stream');
    const xml = Buffer.from(stream.getContents()).toString('utf8');
    expect(xml).toContain('<rdf:li xml:lang="x-default">Norma — Реальность (1)</rdf:li>');
    expect(xml).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    expect(xml).toContain('<pdf:Producer>norma, Skia/PDF m156</pdf:Producer>');
    expect(doc.getTitle()).toBe(meta.title);
  });
  it('declines a catalog that already has /Metadata (pdf-lib then replaces it)', () => {
    const pdf = skiaLikePdf().toString('latin1').replace('/Lang (en)>>', '/Lang (e)/Metadata 1 0 R>>');
    expect(patchInfo(Buffer.from(pdf, 'latin1'), meta)).toBeNull();
  });
  it('declines files it does not understand, so the caller falls back to pdf-lib', () => {
    expect(patchInfo(Buffer.from('%PDF-1.7\nnot really'), meta)).toBeNull();
  });
  it('writes PDF strings safely', () => {
    expect(pdfString('a (b) \\ c')).toBe('(a \\(b\\) \\\\ c)');
    expect(pdfString('Ж')).toBe('<FEFF0416>');
  });
});
