const strict = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { ok: true; text: string } | { ok: false; line: number };

/** Decodes strict UTF-8 (a BOM is dropped); on failure says which physical line holds the bad bytes. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    let text = strict.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
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
}
