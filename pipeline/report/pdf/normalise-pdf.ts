import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { patchInfo } from './patch-info.ts';
import type { PdfMeta } from './pdf-meta.ts';
import { xmpPacket } from './xmp.ts';

/** Same length as an MD5-sized /ID (16 bytes, 32 hex digits), so it can be replaced in place. */
const ID_PLACEHOLDER = '0'.repeat(32);

export interface NormalisedPdf {
  bytes: Uint8Array;
  pages: number;
}

/**
 * Pure: Chromium's PDF in, the same document with fixed metadata and a content-derived /ID out, so that
 * the same report gives the same bytes at any hour. Chromium (Skia) writes its print time into
 * /CreationDate and /ModDate; everything else it writes is already deterministic (subset tags are
 * sequential, AAAAAA+…). pdf-lib keeps the catalog as is, so /StructTreeRoot (tagging) and /Outlines
 * survive the rewrite. Both paths add the XMP packet (xmp.ts) as the catalog's /Metadata.
 */
export async function normalisePdfWithPages(bytes: Uint8Array, meta: PdfMeta): Promise<NormalisedPdf> {
  const fast = patchInfo(bytes, meta);
  if (fast) return { bytes: new Uint8Array(fillId(fast.bytes)), pages: fast.pages };
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const producer = doc.getProducer();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('norma');
  const ourProducer = producer ? `norma, ${producer}, pdf-lib` : 'norma, pdf-lib';
  doc.setProducer(ourProducer);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  if (!doc.catalog.get(PDFName.of('Lang'))) doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  // XMP, uncompressed (PDF/UA wants it readable), as the fast path writes it.
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta, ourProducer)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));

  const placeholder = PDFHexString.of(ID_PLACEHOLDER);
  doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]);
  const saved = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });

  return { bytes: new Uint8Array(fillId(Buffer.from(saved))), pages: doc.getPageCount() };
}

/** The /ID is a hash of the file with the placeholder in it: it changes exactly when the content does. */
function fillId(out: Buffer): Buffer {
  const id = createHash('sha256').update(out).digest('hex').slice(0, 32).toUpperCase();
  const marker = Buffer.from(`<${ID_PLACEHOLDER}>`, 'latin1');
  const at = out.lastIndexOf(marker);
  if (at < 0) throw new Error('normalisePdf: the trailer /ID was not written');
  const replacement = Buffer.from(`<${id}>`, 'latin1');
  replacement.copy(out, at);
  // The trailer's two ids: both placeholders get the same id.
  const first = out.lastIndexOf(marker, at - 1);
  if (first >= 0 && at - first < 80) replacement.copy(out, first);
  return out;
}

export async function normalisePdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  return (await normalisePdfWithPages(bytes, meta)).bytes;
}
