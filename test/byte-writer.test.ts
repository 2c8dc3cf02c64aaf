import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ByteWriter,
  bytePieces,
  jsonObjectPieces,
  piecesText,
  specialTable,
} from '../pipeline/io/byte-writer.ts';
import {
  writeJsonNumber,
  writeJsonString,
  writeNumberCell,
  writeTextCell,
} from '../pipeline/io/write-csv.ts';

const bytesOf = (write: (w: ByteWriter) => void, pieceBytes?: number): Buffer => {
  const w = new ByteWriter(pieceBytes);
  write(w);
  return Buffer.from(w.done());
};

describe('ByteWriter', () => {
  it('writes any text as Buffer.from does, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(bytesOf((w) => w.text(text), 16)).toEqual(Buffer.from(text));
      }),
    );
    expect(bytesOf((w) => w.text('a\ud800b'))).toEqual(Buffer.from('a\ufffdb'));
  });
  it('grows past its piece size for one long text', () => {
    const long = 'ж'.repeat(5000);
    expect(bytesOf((w) => w.text(long), 64).toString()).toBe(long);
  });
  it('writes bytes again, also after growing', () => {
    const w = new ByteWriter(4);
    w.ascii('x=');
    w.text('3.25');
    w.again(2, 6);
    w.again(0, 1);
    expect(Buffer.from(w.done()).toString()).toBe('x=3.253.25x');
  });
  it('writes naturals in decimal', () => {
    for (const x of [0, 7, 10, 99, 100, 2528146, 2 ** 31 - 1]) {
      expect(bytesOf((w) => w.natural(x)).toString()).toBe(String(x));
    }
  });
  it('writes plain text only when no character is special or beyond ASCII', () => {
    const commas = specialTable((c) => c === 44);
    const w = new ByteWriter();
    expect(w.plain('abc', commas)).toBe(true);
    expect(w.plain('a,c', commas)).toBe(false);
    expect(w.plain('é', commas)).toBe(false);
    expect(Buffer.from(w.done()).toString()).toBe('abc');
  });
  it('hands on pieces as they fill, and their text is the whole', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `строка ${i}\n`);
    const pieces = [
      ...bytePieces(items, (w, item) => w.text(item), { readAhead: (item) => item.length, batch: 7 }),
    ];
    expect(pieces.length).toBeGreaterThan(1);
    expect(piecesText(pieces)).toBe(items.join(''));
  });
  it('reads each item ahead once, in batches, before it is written', () => {
    const items = Array.from({ length: 23 }, (_, i) => `${i};`);
    const events: string[] = [];
    const text = piecesText(
      bytePieces(
        items,
        (w, item, i) => {
          events.push(`write ${i}`);
          w.ascii(item);
        },
        {
          readAhead: (item) => {
            events.push(`read ${item.slice(0, -1)}`);
            return item.length;
          },
          batch: 5,
        },
      ),
    );
    expect(text).toBe(items.join(''));
    // Batch by batch: the five reads, then the five writes.
    const batches = Array.from({ length: 5 }, (_, b) => {
      const ids = items.map((_, i) => i).slice(b * 5, b * 5 + 5);
      return [...ids.map((i) => `read ${i}`), ...ids.map((i) => `write ${i}`)];
    });
    expect(events).toEqual(batches.flat());
  });
  it('copies bytes made once, and writes earlier bytes again', () => {
    const w = new ByteWriter(4);
    w.bytes(new TextEncoder().encode('{"value":'));
    const from = w.length;
    w.natural(2528146);
    w.again(from, w.length);
    expect(Buffer.from(w.done()).toString()).toBe('{"value":25281462528146');
  });
  it('decodes a character split between two pieces', () => {
    const bytes = Buffer.from('aжb');
    expect(piecesText([bytes.subarray(0, 2), bytes.subarray(2)])).toBe('aжb');
  });
});

describe('cells written as bytes', () => {
  it('are the bytes of the string writers, for any text and number', async () => {
    const { cellText, jsonString } = await import('../pipeline/io/write-csv.ts');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (text) => {
        expect(bytesOf((w) => writeTextCell(w, text))).toEqual(Buffer.from(cellText(text)));
        expect(bytesOf((w) => writeJsonString(w, text))).toEqual(Buffer.from(jsonString(text)));
      }),
    );
    // Outputs hold finite numbers only (formatNumber refuses others); JSON writes the others as null.
    const numbers = fc.oneof(
      fc.double({ min: -1e300, max: 1e300, noNaN: true }),
      fc.integer(),
      fc.constantFrom(-0, 2 ** 31, -(2 ** 31), 1e21, 0.1),
    );
    fc.assert(
      fc.property(numbers, (x) => {
        expect(bytesOf((w) => writeNumberCell(w, x)).toString()).toBe(cellText(x));
        expect(bytesOf((w) => writeJsonNumber(w, x)).toString()).toBe(JSON.stringify(x));
      }),
    );
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(bytesOf((w) => writeJsonNumber(w, x)).toString()).toBe('null');
    }
  });
});

describe('jsonObjectPieces', () => {
  it('is JSON.stringify of the object, in pieces', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 9 }))),
        (object) => {
          expect([...jsonObjectPieces(object, 2)].join('')).toBe(JSON.stringify(object));
        },
      ),
    );
    const rows = Array.from({ length: 4501 }, (_, i) => ({ i, s: `r${i}`, skip: undefined }));
    const object = { reconciled: rows, claims: [], none: undefined, problems: [{ a: 1 }] };
    const pieces = [...jsonObjectPieces(object)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(JSON.stringify(object));
  });
});
