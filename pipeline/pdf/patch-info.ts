import type { PdfMeta } from './pdf-meta.ts';

/**
 * A fast path for the metadata: Chromium (Skia) writes a classic PDF with one xref table and the Info
 * dictionary as a plain object. Replacing that one object and shifting the xref offsets by the
 * difference gives the same file pdf-lib would, without parsing the other 27,000 objects (pdf-lib takes
 * seconds on a 6 MB report). Returns null when the file is not shaped like that; the caller then uses
 * pdf-lib.
 */

/** A PDF text string: ASCII as a literal, anything else as UTF-16BE hex with a BOM. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

export function infoDictionary(meta: PdfMeta, producer: string): string {
  return [
    `<</Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    `/Keywords ${pdfString(meta.keywords.join(', '))}`,
    `/Creator ${pdfString('norma')}`,
    `/Producer ${pdfString(producer)}`,
    `/CreationDate ${pdfDate(meta.date)}`,
    `/ModDate ${pdfDate(meta.date)}>>`,
  ].join('\n');
}

export interface PatchedPdf {
  /** The file with the new Info object, shifted xref offsets and a trailer /ID of 32 zeros to fill in. */
  bytes: Buffer;
  pages: number;
}

export function patchInfo(input: Uint8Array, meta: PdfMeta): PatchedPdf | null {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const tail = buf.subarray(Math.max(0, buf.length - 2048)).toString('latin1');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!sx) return null;
  const xrefAt = Number(sx[1]);
  const text = buf.toString('latin1');
  if (
    !text.startsWith('xref', xrefAt) ||
    text.lastIndexOf('startxref') !== buf.length - tail.length + sx.index
  )
    return null;
  // One xref section only (no incremental updates, no xref streams).
  if (text.indexOf('xref', xrefAt + 4) !== text.lastIndexOf('startxref') + 5) return null;
  const header = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(xrefAt, xrefAt + 40));
  if (!header) return null;
  const count = Number(header[1]);
  const entriesAt = xrefAt + header[0].length;
  const trailerAt = entriesAt + count * 20;
  const trailer = text.slice(trailerAt, text.lastIndexOf('startxref'));
  const info = /\/Info (\d+) 0 R/.exec(trailer);
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  if (!trailer.startsWith('trailer') || !info || !root || /\/Prev|\/Encrypt|\/ID/.test(trailer)) return null;
  const infoNum = Number(info[1]);
  const infoAt = Number(text.slice(entriesAt + infoNum * 20, entriesAt + infoNum * 20 + 10));
  const objHead = `${infoNum} 0 obj\n`;
  if (!text.startsWith(objHead, infoAt)) return null;
  const end = text.indexOf('endobj', infoAt);
  const oldDict = text.slice(infoAt + objHead.length, end).trim();
  if (!oldDict.startsWith('<<') || !oldDict.endsWith('>>')) return null;
  const skia = /\/Producer \(([^()\\]*)\)/.exec(oldDict)?.[1];
  const newObj = `${objHead}${infoDictionary(meta, skia ? `norma, ${skia}` : 'norma')}\n`;
  const delta = newObj.length - (end - infoAt);

  const entries = Buffer.from(text.slice(entriesAt, trailerAt), 'latin1');
  for (let i = 0; i < count; i++) {
    const at = i * 20;
    if (entries[at + 17] !== 0x6e) continue; // only "n" (in use) entries hold offsets
    const offset = Number(entries.toString('latin1', at, at + 10));
    if (offset > infoAt) entries.write(String(offset + delta).padStart(10, '0'), at, 'latin1');
  }
  const newTrailer = trailer.replace(/>>\s*$/, `\n/ID [<${'0'.repeat(32)}> <${'0'.repeat(32)}>]>>\n`);
  const pages = (text.match(/\/Type \/Page[^s]/g) ?? []).length;
  const bytes = Buffer.concat([
    buf.subarray(0, infoAt),
    Buffer.from(newObj, 'latin1'),
    buf.subarray(end, entriesAt),
    entries,
    Buffer.from(`${newTrailer}startxref\n${xrefAt + delta}\n%%EOF\n`, 'latin1'),
  ]);
  return { bytes, pages };
}
