import { describe, expect, it } from 'vitest';
import { bdi, isolatePlain, needsIsolation } from '../../pipeline/report/html/isolate-bidi.ts';

describe('bdi', () => {
  it('wraps right-to-left data text in <bdi>, escaped', () => {
    expect(bdi('שלום <b>')).toBe('<bdi>שלום &lt;b&gt;</bdi>');
    expect(bdi('مصنع 102 t')).toBe('<bdi>مصنع 102 t</bdi>');
    expect(bdi('x\u202ey')).toBe('<bdi>x\u202ey</bdi>');
    // Imperial Aramaic (U+10840), outside the BMP.
    expect(bdi('\u{10840}')).toBe('<bdi>\u{10840}</bdi>');
  });
  it('only escapes left-to-right text', () => {
    expect(bdi('Coal output & "steel"')).toBe('Coal output &amp; &quot;steel&quot;');
    expect(bdi('Добыча угля, 1937')).toBe('Добыча угля, 1937');
    expect(bdi('😀 12')).toBe('😀 12');
  });
});

describe('isolatePlain', () => {
  it('puts right-to-left text between FSI and PDI, and leaves the rest', () => {
    expect(isolatePlain('עברית')).toBe('\u2068עברית\u2069');
    expect(isolatePlain('102 t')).toBe('102 t');
    expect(needsIsolation('١٢٣')).toBe(true);
  });
});
