// A small TrueType font of our own for the few symbols the report's data uses that neither inlined face
// has (PT Sans and Source Serif 4, as @fontsource subsets them, have no ≈, ∼, ≤, ≥, → or ←): without
// it Chromium takes them from a system font and the PDF embeds that beside ours. Pure and
// deterministic: the glyphs are drawn here, the bytes are the same on every build.

type Point = [number, number];
type Contour = Point[];

const UNITS = 1000;
const ADVANCE = 584; // PT Sans's width for its math signs (+, =, <)
const STROKE = 62;
const LEFT = 60;
const RIGHT = ADVANCE - 60;

/** TrueType wants outer contours clockwise (with y up): reverse a counter-clockwise one. */
function clockwise(c: Contour): Contour {
  let area = 0;
  for (let i = 0; i < c.length; i++) {
    const [x1, y1] = c[i]!;
    const [x2, y2] = c[(i + 1) % c.length]!;
    area += x1 * y2 - x2 * y1;
  }
  return area > 0 ? [...c].reverse() : c;
}

/** A band of STROKE thickness along a sine wave centred on y: the stroke of a tilde. */
function wave(y: number): Contour {
  const top: Point[] = [];
  const bottom: Point[] = [];
  const steps = 24;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const x = LEFT + t * (RIGHT - LEFT);
    const cy = y + 42 * Math.sin(2 * Math.PI * t + Math.PI * 0.1);
    top.push([Math.round(x), Math.round(cy + STROKE / 2)]);
    bottom.push([Math.round(x), Math.round(cy - STROKE / 2)]);
  }
  return clockwise([...top, ...bottom.reverse()]);
}

/** A thick polyline as one polygon (joins mitred): the strokes of < > and of arrow heads. */
function stroke(points: Point[], width = STROKE): Contour {
  const offset = (sign: number): Point[] =>
    points.map((p, i) => {
      const prev = points[Math.max(0, i - 1)]!;
      const next = points[Math.min(points.length - 1, i + 1)]!;
      const n = (a: Point, b: Point): Point => {
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const len = Math.hypot(dx, dy) || 1;
        return [-dy / len, dx / len];
      };
      const n1 = n(i === 0 ? p : prev, i === 0 ? next : p);
      const n2 = n(i === points.length - 1 ? prev : p, i === points.length - 1 ? p : next);
      let mx = n1[0] + n2[0];
      let my = n1[1] + n2[1];
      const mlen = Math.hypot(mx, my) || 1;
      mx /= mlen;
      my /= mlen;
      const scale = width / 2 / Math.max(0.3, mx * n1[0] + my * n1[1]);
      return [Math.round(p[0] + sign * mx * scale), Math.round(p[1] + sign * my * scale)];
    });
  return clockwise([...offset(1), ...offset(-1).reverse()]);
}

const rect = (x0: number, y0: number, x1: number, y1: number): Contour =>
  clockwise([
    [x0, y0],
    [x0, y1],
    [x1, y1],
    [x1, y0],
  ]);

const MID = 300; // the maths axis, about the height of the minus sign

/** The glyphs by code point. */
export const SYMBOLS: ReadonlyMap<number, Contour[]> = new Map([
  [0x2248, [wave(MID + 95), wave(MID - 95)]], // ≈
  [0x223c, [wave(MID)]], // ∼
  [
    0x2264, // ≤
    [
      stroke([
        [RIGHT, MID + 260],
        [LEFT + 20, MID + 80],
        [RIGHT, MID - 100],
      ]),
      rect(LEFT + 20, MID - 260, RIGHT, MID - 260 + STROKE),
    ],
  ],
  [
    0x2265, // ≥
    [
      stroke([
        [LEFT, MID + 260],
        [RIGHT - 20, MID + 80],
        [LEFT, MID - 100],
      ]),
      rect(LEFT, MID - 260, RIGHT - 20, MID - 260 + STROKE),
    ],
  ],
  [
    0x2192, // →
    [
      rect(LEFT, MID - STROKE / 2, RIGHT - 40, MID + STROKE / 2),
      stroke([
        [RIGHT - 190, MID + 170],
        [RIGHT - 10, MID],
        [RIGHT - 190, MID - 170],
      ]),
    ],
  ],
  [
    0x2190, // ←
    [
      rect(LEFT + 40, MID - STROKE / 2, RIGHT, MID + STROKE / 2),
      stroke([
        [LEFT + 190, MID + 170],
        [LEFT + 10, MID],
        [LEFT + 190, MID - 170],
      ]),
    ],
  ],
]);

/** The CSS unicode-range of the font: only these code points ever come from it. */
export function symbolUnicodeRange(): string {
  return [...SYMBOLS.keys()].map((c) => `U+${c.toString(16).toUpperCase()}`).join(',');
}

class Writer {
  private bytes: number[] = [];
  u8(v: number) {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    return this.u8(v >> 8).u8(v);
  }
  i16(v: number) {
    return this.u16(v < 0 ? v + 0x10000 : v);
  }
  u32(v: number) {
    return this.u16(Math.floor(v / 0x10000) & 0xffff).u16(v & 0xffff);
  }
  raw(b: Uint8Array) {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  pad4() {
    while (this.bytes.length % 4) this.bytes.push(0);
    return this;
  }
  get length() {
    return this.bytes.length;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function checksum(b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) {
    sum =
      (sum + (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>>
      0;
  }
  return sum >>> 0;
}

function glyph(contours: Contour[]): {
  data: Uint8Array;
  box: [number, number, number, number];
  points: number;
} {
  const all = contours.flat();
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const box: [number, number, number, number] = [
    Math.min(...xs),
    Math.min(...ys),
    Math.max(...xs),
    Math.max(...ys),
  ];
  const w = new Writer().i16(contours.length);
  for (const v of box) w.i16(v);
  let end = -1;
  for (const c of contours) {
    end += c.length;
    w.u16(end);
  }
  w.u16(0); // no instructions
  for (let i = 0; i < all.length; i++) w.u8(0x01); // on-curve; both coordinates as int16 deltas
  let last = 0;
  for (const [x] of all) {
    w.i16(x - last);
    last = x;
  }
  last = 0;
  for (const [, y] of all) {
    w.i16(y - last);
    last = y;
  }
  return { data: w.pad4().done(), box, points: all.length };
}

function utf16(text: string): Uint8Array {
  const w = new Writer();
  for (let i = 0; i < text.length; i++) w.u16(text.charCodeAt(i));
  return w.done();
}

/** The font's bytes (a TrueType file, `font/ttf`). Family `Norma Symbols`, PostScript name NormaSymbols-Regular. */
export function symbolFont(): Uint8Array {
  const codes = [...SYMBOLS.keys()].sort((a, b) => a - b);
  const glyphs = [
    { data: new Uint8Array(0), box: [0, 0, 0, 0] as const, points: 0 },
    ...codes.map((c) => glyph(SYMBOLS.get(c)!)),
  ];
  const n = glyphs.length;

  const glyf = new Writer();
  const loca = new Writer();
  for (const g of glyphs) {
    loca.u32(glyf.length);
    glyf.raw(g.data);
  }
  loca.u32(glyf.length);

  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of glyphs.slice(1)) {
    box[0] = Math.min(box[0], g.box[0]);
    box[1] = Math.min(box[1], g.box[1]);
    box[2] = Math.max(box[2], g.box[2]);
    box[3] = Math.max(box[3], g.box[3]);
  }
  const head = new Writer()
    .u32(0x00010000)
    .u32(0x00010000)
    .u32(0) // checkSumAdjustment, filled in below
    .u32(0x5f0f3cf5)
    .u16(0x000b)
    .u16(UNITS)
    .u32(0)
    .u32(0) // created: fixed, for the same bytes on every build
    .u32(0)
    .u32(0) // modified
    .i16(box[0])
    .i16(box[1])
    .i16(box[2])
    .i16(box[3])
    .u16(0)
    .u16(8)
    .i16(2)
    .i16(1) // long loca offsets
    .i16(0);
  const hhea = new Writer()
    .u32(0x00010000)
    .i16(800)
    .i16(-200)
    .i16(0)
    .u16(ADVANCE)
    .i16(0)
    .i16(0)
    .i16(box[2])
    .i16(1)
    .i16(0)
    .i16(0)
    .i16(0)
    .i16(0)
    .i16(0)
    .i16(0)
    .i16(0)
    .u16(n);
  const hmtx = new Writer();
  for (const g of glyphs) hmtx.u16(g === glyphs[0] ? 500 : ADVANCE).i16(g.box[0]);
  const maxPoints = Math.max(...glyphs.map((g) => g.points));
  const maxContours = Math.max(...codes.map((c) => SYMBOLS.get(c)!.length));
  const maxp = new Writer().u32(0x00010000).u16(n).u16(maxPoints).u16(maxContours).u16(0).u16(0).u16(2);
  for (let i = 0; i < 8; i++) maxp.u16(0);
  const os2 = new Writer()
    .u16(3)
    .i16(ADVANCE)
    .u16(400)
    .u16(5)
    .u16(0) // installable embedding
    .i16(650)
    .i16(600)
    .i16(0)
    .i16(75)
    .i16(650)
    .i16(600)
    .i16(0)
    .i16(350)
    .i16(50)
    .i16(250)
    .i16(0);
  for (let i = 0; i < 10; i++) os2.u8(0); // panose
  os2
    .u32(0)
    .u32(0)
    .u32(0)
    .u32(0)
    .raw(new TextEncoder().encode('NRMA'))
    .u16(0x0040)
    .u16(codes[0]!)
    .u16(codes.at(-1)!)
    .i16(800)
    .i16(-200)
    .i16(0)
    .u16(800)
    .u16(200)
    .u32(1)
    .u32(0)
    .i16(500)
    .i16(700)
    .u16(0)
    .u16(0x20)
    .u16(1);
  const names: [number, string][] = [
    [1, 'Norma Symbols'],
    [2, 'Regular'],
    [3, 'NormaSymbols-Regular'],
    [4, 'Norma Symbols'],
    [5, 'Version 1.000'],
    [6, 'NormaSymbols-Regular'],
  ];
  const strings = names.map(([, s]) => utf16(s));
  const name = new Writer()
    .u16(0)
    .u16(names.length)
    .u16(6 + names.length * 12);
  let at = 0;
  names.forEach(([id], i) => {
    name.u16(3).u16(1).u16(0x409).u16(id).u16(strings[i]!.length).u16(at);
    at += strings[i]!.length;
  });
  for (const s of strings) name.raw(s);
  const post = new Writer().u32(0x00030000).u32(0).i16(-100).i16(50).u32(0).u32(0).u32(0).u32(0).u32(0);
  // cmap: one format 4 subtable (Windows, Unicode BMP), a segment per code point and the final 0xFFFF.
  const segs = [
    ...codes.map((c, i) => ({ start: c, end: c, delta: (i + 1 - c + 0x10000) % 0x10000 })),
    { start: 0xffff, end: 0xffff, delta: 1 },
  ];
  const segX2 = segs.length * 2;
  const pow = 2 ** Math.floor(Math.log2(segs.length));
  const sub = new Writer()
    .u16(4)
    .u16(16 + segs.length * 8)
    .u16(0)
    .u16(segX2)
    .u16(pow * 2)
    .u16(Math.log2(pow))
    .u16(segX2 - pow * 2);
  for (const s of segs) sub.u16(s.end);
  sub.u16(0);
  for (const s of segs) sub.u16(s.start);
  for (const s of segs) sub.u16(s.delta);
  for (const _ of segs) sub.u16(0);
  const cmap = new Writer().u16(0).u16(1).u16(3).u16(1).u32(12).raw(sub.done());

  const tables: [string, Uint8Array][] = (
    [
      ['OS/2', os2.done()],
      ['cmap', cmap.done()],
      ['glyf', glyf.done()],
      ['head', head.done()],
      ['hhea', hhea.done()],
      ['hmtx', hmtx.done()],
      ['loca', loca.done()],
      ['maxp', maxp.done()],
      ['name', name.done()],
      ['post', post.done()],
    ] as [string, Uint8Array][]
  ).sort(([a], [b]) => (a < b ? -1 : 1));
  const count = tables.length;
  const search = 2 ** Math.floor(Math.log2(count));
  const out = new Writer()
    .u32(0x00010000)
    .u16(count)
    .u16(search * 16)
    .u16(Math.log2(search))
    .u16(count * 16 - search * 16);
  let offset = 12 + count * 16;
  const padded = tables.map(([, data]) => {
    const w = new Writer().raw(data).pad4();
    return w.done();
  });
  tables.forEach(([tag, data], i) => {
    out.raw(new TextEncoder().encode(tag)).u32(checksum(data)).u32(offset).u32(data.length);
    offset += padded[i]!.length;
  });
  for (const p of padded) out.raw(p);
  const font = out.done();
  // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
  const headAt =
    12 +
    count * 16 +
    padded
      .slice(
        0,
        tables.findIndex(([t]) => t === 'head'),
      )
      .reduce((s, p) => s + p.length, 0);
  const adjust = (0xb1b0afba - checksum(font) + 0x100000000) % 0x100000000;
  new DataView(font.buffer).setUint32(headAt + 8, adjust);
  return font;
}

/** The @font-face rule of the symbol font, inlined as a data: URL. */
export function symbolFontCss(): string {
  const src = `url(data:font/ttf;base64,${Buffer.from(symbolFont()).toString('base64')}) format('truetype')`;
  return `@font-face{font-family: 'Norma Symbols';font-style: normal;font-weight: 100 900;font-display: block;unicode-range: ${symbolUnicodeRange()};src: ${src};}`;
}
