import type { PdfMeta } from './pdf-meta.ts';

/** XML text: the five markup characters escaped, and nothing XML 1.0 forbids (C0 controls but tab/line feed). */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** XMP dates are ISO 8601; the build date, to the second, in UTC. */
const xmpDate = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

export interface XmpOptions {
  /**
   * Declare PDF/UA-1 (`pdfuaid:part` 1). Only when the file meets it: Chromium leaves its page-margin
   * boxes (the running header and the page numbers) neither tagged nor marked as artifacts, which
   * PDF/UA forbids, so the pdf stage does not claim it yet.
   */
  pdfua?: boolean;
}

/**
 * The XMP packet of the report: the Info dictionary's title, author, subject, keywords, producer and
 * dates again (PDF 2.0 and PDF/UA read metadata from XMP, not Info), and the language. Pure and
 * deterministic: the same meta gives the same bytes.
 */
export function xmpPacket(meta: PdfMeta, producer: string, options: XmpOptions = {}): string {
  const lang = xmlText(meta.language);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt>`;
  const date = xmpDate(meta.date);
  const keywords = meta.keywords.join(', ');
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ...(options.pdfua ? [' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'] : []),
    '>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    ...(meta.author
      ? [`<dc:creator><rdf:Seq><rdf:li>${xmlText(meta.author)}</rdf:li></rdf:Seq></dc:creator>`]
      : []),
    ...(meta.subject ? [`<dc:description>${alt(meta.subject)}</dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    ...(meta.keywords.length
      ? [
          `<dc:subject><rdf:Bag>${meta.keywords.map((k) => `<rdf:li>${xmlText(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
          `<pdf:Keywords>${xmlText(keywords)}</pdf:Keywords>`,
        ]
      : []),
    `<pdf:Producer>${xmlText(producer)}</pdf:Producer>`,
    '<xmp:CreatorTool>norma</xmp:CreatorTool>',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    ...(options.pdfua ? ['<pdfuaid:part>1</pdfuaid:part>'] : []),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return `${lines.join('\n')}\n`;
}
