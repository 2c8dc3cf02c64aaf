import type { PdfMeta } from './pdf-meta.ts';
import { xmpPacket } from './xmp.ts';

/**
 * A fast path for the metadata: Chromium (Skia) writes a classic PDF with one xref table and the Info
 * dictionary as a plain object. Replacing that object and the catalog (which gains /Metadata, the XMP
 * packet appended as a new object before the xref table) and shifting the xref offsets by the
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
  const size = /\/Size (\d+)/.exec(trailer);
  if (!trailer.startsWith('trailer') || !info || !root || !size || /\/Prev|\/Encrypt|\/ID/.test(trailer))
    return null;
  if (Number(size[1]) !== count) return null;
  /** Object `num`'s dictionary: where the object starts, where its `endobj` is, and the dictionary. */
  const object = (num: number) => {
    const at = Number(text.slice(entriesAt + num * 20, entriesAt + num * 20 + 10));
    const head = `${num} 0 obj\n`;
    if (num <= 0 || num >= count || !text.startsWith(head, at)) return null;
    const end = text.indexOf('endobj', at);
    const dict = text.slice(at + head.length, end).trim();
    if (end < 0 || !dict.startsWith('<<') || !dict.endsWith('>>')) return null;
    return { head, at, end, dict };
  };
  const infoObj = object(Number(info[1]));
  const rootObj = object(Number(root[1]));
  if (!infoObj || !rootObj || rootObj.at === infoObj.at || /\/Metadata\b/.test(rootObj.dict)) return null;
  const skia = /\/Producer \(([^()\\]*)\)/.exec(infoObj.dict)?.[1];
  const producer = skia ? `norma, ${skia}` : 'norma';
  // The XMP packet is a new object after the last one (number `count`), uncompressed as PDF/UA asks.
  const xmp = Buffer.from(xmpPacket(meta, producer), 'utf8');
  const xmpObj = Buffer.concat([
    Buffer.from(
      `${count} 0 obj\n<</Type /Metadata\n/Subtype /XML\n/Length ${xmp.length}>> stream\n`,
      'latin1',
    ),
    xmp,
    Buffer.from('endstream\nendobj\n', 'latin1'),
  ]);
  const edits = [
    { at: infoObj.at, end: infoObj.end, text: `${infoObj.head}${infoDictionary(meta, producer)}\n` },
    {
      at: rootObj.at,
      end: rootObj.end,
      text: `${rootObj.head}${rootObj.dict.slice(0, -2)}\n/Metadata ${count} 0 R>>\n`,
    },
  ].sort((a, b) => a.at - b.at);
  /** How far an offset moves: the change in length of every edit before it. */
  const shift = (offset: number) =>
    edits.reduce((d, e) => (e.at < offset ? d + e.text.length - (e.end - e.at) : d), 0);

  const entries = Buffer.from(text.slice(entriesAt, trailerAt), 'latin1');
  for (let i = 0; i < count; i++) {
    const at = i * 20;
    if (entries[at + 17] !== 0x6e) continue; // only "n" (in use) entries hold offsets
    const offset = Number(entries.toString('latin1', at, at + 10));
    entries.write(String(offset + shift(offset)).padStart(10, '0'), at, 'latin1');
  }
  const newXrefAt = xrefAt + shift(xrefAt) + xmpObj.length;
  const xmpEntry = `${String(xrefAt + shift(xrefAt)).padStart(10, '0')} 00000 n \n`;
  const newTrailer = trailer
    .replace(/\/Size \d+/, `/Size ${count + 1}`)
    .replace(/>>\s*$/, `\n/ID [<${'0'.repeat(32)}> <${'0'.repeat(32)}>]>>\n`);
  const pages = (text.match(/\/Type \/Page[^s]/g) ?? []).length;
  const parts: Buffer[] = [];
  let from = 0;
  for (const e of edits) {
    parts.push(buf.subarray(from, e.at), Buffer.from(e.text, 'latin1'));
    from = e.end;
  }
  parts.push(
    buf.subarray(from, xrefAt),
    xmpObj,
    Buffer.from(`xref\n0 ${count + 1}\n`, 'latin1'),
    entries,
    Buffer.from(xmpEntry, 'latin1'),
    Buffer.from(`${newTrailer}startxref\n${newXrefAt}\n%%EOF\n`, 'latin1'),
  );
  return { bytes: Buffer.concat(parts), pages };
}
