import { isAscii, isUtf8 } from 'node:buffer';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * `text` holds the file's UTF-8 bytes one character per byte (latin1), not the decoded text: parseCsv
 * splits it on ASCII marks, which never occur inside a multi-byte character, and decodes only the fields
 * that hold other bytes (`ascii` false says there may be some). Decoding whole files gave two-byte
 * strings for a whole file with one Cyrillic word, and every cell of it twice the size and slower to
 * write out.
 */
export type Decoded = { ok: true; text: string; ascii: boolean } | { ok: false; line: number };

/** Checks strict UTF-8 (a BOM is dropped); on failure says which physical line holds the bad bytes. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) {
    const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
    return { ok: true, text, ascii: isAscii(body) };
  }
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        return { ok: false, line };
      }
      line++;
      start = i + 1;
    }
  }
  return { ok: false, line: 1 };
}

const NOT_ASCII = /[^\u0000-\u007f]/;

/** A field of a latin1 byte string (see Decoded) as text: itself when ASCII, else its UTF-8 decoded. */
export function utf8Field(field: string): string {
  return NOT_ASCII.test(field) ? Buffer.from(field, 'latin1').toString('utf8') : field;
}

/** Whether a line of a byte string holds any byte above ASCII. */
export function hasWideBytes(line: string): boolean {
  return NOT_ASCII.test(line);
}
