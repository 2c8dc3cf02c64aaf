import { describe, expect, it } from 'vitest';
import { SYMBOLS, symbolFont, symbolFontCss } from '../../pipeline/report/html/symbol-font.ts';

/** The sfnt table directory: tag → [offset, length]. */
function tables(font: Uint8Array): Map<string, [number, number]> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    out.set(new TextDecoder().decode(font.subarray(at, at + 4)), [
      view.getUint32(at + 8),
      view.getUint32(at + 12),
    ]);
  }
  return out;
}

describe('the symbol font', () => {
  it('is the same bytes on every build, a TrueType file whose checksums add up', () => {
    const font = symbolFont();
    expect(Buffer.from(font).equals(Buffer.from(symbolFont()))).toBe(true);
    const view = new DataView(font.buffer);
    expect(view.getUint32(0)).toBe(0x00010000);
    let sum = 0;
    for (let i = 0; i < font.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    expect([...tables(font).keys()].sort()).toEqual(
      ['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post'].sort(),
    );
  });
  it('maps each symbol to a glyph with an outline, and only those code points', () => {
    const font = symbolFont();
    const view = new DataView(font.buffer);
    const [cmapAt] = tables(font).get('cmap')!;
    const sub = cmapAt + view.getUint32(cmapAt + 8);
    const segs = view.getUint16(sub + 6) / 2;
    const ends = Array.from({ length: segs }, (_, i) => view.getUint16(sub + 14 + i * 2));
    expect(ends).toEqual([...[...SYMBOLS.keys()].sort((a, b) => a - b), 0xffff]);
    const [locaAt] = tables(font).get('loca')!;
    for (let g = 1; g <= SYMBOLS.size; g++) {
      expect(view.getUint32(locaAt + (g + 1) * 4) - view.getUint32(locaAt + g * 4)).toBeGreaterThan(20);
    }
    expect(symbolFontCss()).toContain('unicode-range: U+2248,U+223C,U+2264,U+2265,U+2192,U+2190;');
  });
});
