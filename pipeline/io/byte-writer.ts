// Big outputs (observations.csv, audit.json, ingest.json) written as UTF-8 bytes straight into buffers.
// Building them as strings cost twice: `+=` builds trees of small strings that the encoder must first
// flatten, and at a million rows encoding those strings took longer than building them. Text that needs
// escaping, or is not ASCII, goes through the same string functions as before, so the bytes are the same.

import { readAhead } from './read-ahead.ts';

const encoder = new TextEncoder();

/** Bytes in one piece: big enough that writes are few, small enough to stay out of the old generation. */
const PIECE_BYTES = 1 << 18;

export class ByteWriter {
  private buffer: Uint8Array;
  private at = 0;

  constructor(private readonly pieceBytes = PIECE_BYTES) {
    this.buffer = new Uint8Array(pieceBytes);
  }

  /** Bytes written since the last take(). */
  get length(): number {
    return this.at;
  }

  /** True once the current piece is worth handing on. */
  get full(): boolean {
    return this.at >= this.pieceBytes - 1024;
  }

  /** The bytes written so far, as a piece of their own; the writer starts a new one. */
  take(): Uint8Array {
    const piece = this.buffer.subarray(0, this.at);
    this.buffer = new Uint8Array(this.pieceBytes);
    this.at = 0;
    return piece;
  }

  /** All the bytes written, for a writer used once: no new piece is started. */
  done(): Uint8Array {
    const piece = this.buffer.subarray(0, this.at);
    this.buffer = new Uint8Array(0);
    this.at = 0;
    return piece;
  }

  /** Room for `bytes` more; a text bigger than a piece gets a buffer of its own size. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.at + bytes));
    grown.set(this.buffer.subarray(0, this.at));
    this.buffer = grown;
  }

  /** Any text, as UTF-8 (a lone surrogate becomes U+FFFD, as Buffer.from does). */
  text(text: string): void {
    const n = text.length;
    this.room(n * 3);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        at += encoder.encodeInto(i === 0 ? text : text.slice(i), buffer.subarray(at)).written;
        break;
      }
      buffer[at++] = c;
    }
    this.at = at;
  }

  /**
   * Writes `text` as is when every character is ASCII and not flagged in `special` (a table of 128),
   * and returns true; otherwise writes nothing and returns false (the caller writes its escaped form).
   */
  plain(text: string, special: Uint8Array): boolean {
    const n = text.length;
    this.room(n);
    const buffer = this.buffer;
    const start = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80 || special[c] === 1) return false;
      buffer[start + i] = c;
    }
    this.at = start + n;
    return true;
  }

  /** ASCII text known to need no escape (keys, punctuation, numbers' text). */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Writes again the bytes from `from` to `to`, positions in the current piece (from `length`). */
  again(from: number, to: number): void {
    this.room(to - from);
    const buffer = this.buffer;
    // A loop, not copyWithin: the copies are a number's few bytes, and the builtin's call cost more.
    let at = this.at;
    for (let i = from; i < to; i++) buffer[at++] = buffer[i] as number;
    this.at = at;
  }

  /** Bytes made once (a key, punctuation), copied in. */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) buffer[at++] = bytes[i] as number;
    this.at = at;
  }

  /** One ASCII character by its code. */
  byte(c: number): void {
    if (this.at >= this.buffer.length) this.room(1);
    this.buffer[this.at++] = c;
  }

  /** A non-negative integer below 2^31, in decimal. */
  natural(x: number): void {
    this.room(10);
    const buffer = this.buffer;
    if (x < 10) {
      buffer[this.at++] = 48 + x;
      return;
    }
    let digits = 1;
    for (let y = x; y >= 10; y = (y / 10) | 0) digits++;
    let at = this.at + digits;
    this.at = at;
    for (let y = x; ; ) {
      const q = (y / 10) | 0;
      buffer[--at] = 48 + y - q * 10;
      if (q === 0) break;
      y = q;
    }
  }
}

/** A table for ByteWriter.plain: 1 for each listed character code below 128. */
export function specialTable(flagged: (c: number) => boolean): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = flagged(c) ? 1 : 0;
  return table;
}

export interface PieceOptions<T> {
  /** Writes what comes before the items. */
  head?: (w: ByteWriter) => void;
  /** Writes what comes after them. */
  tail?: (w: ByteWriter) => void;
  /**
   * What `write` will follow from an item (its strings' lengths, its numbers), summed: read for a batch
   * of items before they are written (see read-ahead.ts).
   */
  readAhead?: (item: T) => number;
  /** Items per read-ahead batch. */
  batch?: number;
}

/** The pieces of `write`'s output, each handed on as soon as the writer is full; at least one piece. */
export function* bytePieces<T>(
  items: readonly T[],
  write: (w: ByteWriter, item: T, index: number) => void,
  { head, tail, readAhead: read, batch = 64 }: PieceOptions<T> = {},
): Generator<Uint8Array> {
  const w = new ByteWriter();
  head?.(w);
  const n = items.length;
  for (let start = 0; start < n; start += batch) {
    const end = Math.min(n, start + batch);
    if (read) readAhead(items, start, end, read);
    for (let i = start; i < end; i++) {
      write(w, items[i] as T, i);
      if (w.full) yield w.take();
    }
  }
  tail?.(w);
  yield w.take();
}

/** Pieces of text or UTF-8 bytes, as one string (for tests and small files). */
export function piecesText(pieces: Iterable<string | Uint8Array>): string {
  // Streamed: a character may be split between two pieces of bytes.
  const decoder = new TextDecoder();
  let text = '';
  for (const piece of pieces)
    text += typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  return text + decoder.decode();
}

/**
 * JSON.stringify(object) in pieces: a long array under a key is written `perPiece` items at a time, so
 * that no string of the whole is made (at a million rows, one such string and its bytes were the peak of
 * a run's memory).
 */
export function* jsonObjectPieces(object: object, perPiece = 2_000): Generator<string> {
  let first = true;
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(value) || value.length <= perPiece) {
      yield JSON.stringify(value);
      continue;
    }
    for (let i = 0; i < value.length; i += perPiece) {
      const text = JSON.stringify(value.slice(i, i + perPiece));
      yield `${i === 0 ? '[' : ','}${text.slice(1, -1)}`;
    }
    yield ']';
  }
  yield first ? '{}' : '}';
}
