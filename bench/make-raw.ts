import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A small deterministic PRNG, so that every benchmark run cleans the same rows. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['persons', 'Mt', 't', 'percent', 'multiple', 'hours', 'bn_kWh', 'percent_per_year'] as const;
type U = (typeof UNITS)[number];

/** Every value style of the clean issue, per unit; `ru` sources write Russian style. */
function valueText(unit: U, x: number, rnd: () => number, ru: boolean): string {
  const style = Math.floor(rnd() * 6);
  const dec = (v: number, d = 1) => (ru ? v.toFixed(d).replace('.', ',') : v.toFixed(d));
  switch (unit) {
    case 'persons': {
      const n = Math.round(x * 1_000_000);
      if (style === 0) return ru ? n.toLocaleString('en-US').replace(/,/g, ' ') : n.toLocaleString('en-US');
      if (style === 1) return ru ? `около ${dec(x)} млн` : `approx. ${dec(x)} million`;
      if (style === 2)
        return ru ? `от ${dec(x)} до ${dec(x * 1.2)} млн` : `${dec(x)}–${dec(x * 1.2)} million`;
      if (style === 3) return ru ? `свыше ${dec(x)} млн` : `at least ${dec(x)} million`;
      if (style === 4) return ru ? `${Math.round(x * 1000)} тыс.` : `${Math.round(x * 1000)} thousand`;
      return ru ? `${dec(x, 2)} млн` : `~${dec(x, 2)} million`;
    }
    case 'Mt':
      if (style === 0) return `${Math.round(x * 1_000_000).toLocaleString('en-US')} tonnes`;
      if (style === 1) return `${dec(x)} million t`;
      return ru ? `${dec(x)} млн т` : `about ${dec(x)} Mt`;
    case 't':
      return style < 3 ? `${Math.round(x * 100)} t` : `${Math.round(x * 100)} tonnes`;
    case 'percent':
      return style < 2
        ? `+${Math.round(x * 10)} %`
        : style < 4
          ? `${Math.round(x * 10)}%`
          : `${Math.round(x * 10)} per cent`;
    case 'multiple':
      return style < 2 ? `${dec(x)}×` : style < 4 ? `${dec(x)} times` : `${Math.round(x)}-fold`;
    case 'hours':
      return style < 3 ? `${Math.floor(x)} h ${Math.round((x % 1) * 60)} min` : `${dec(x)} h`;
    case 'bn_kWh':
      return style < 3 ? `${dec(x * 10)} billion kWh` : `${Math.round(x * 10000)} million kWh`;
    case 'percent_per_year':
      return style < 3 ? `${dec(x)} % per year` : `${dec(x)} %/yr`;
  }
}

function periodText(rnd: () => number): string {
  const y = 1928 + Math.floor(rnd() * 25);
  const style = Math.floor(rnd() * 5);
  if (style === 0) return `${y}`;
  if (style === 1) return `${y}-01-01`;
  if (style === 2) return `${y}–${y + 4}`;
  if (style === 3)
    return `${y}-${String((y + 3) % 100).padStart(2, '0')}`.replace(/-(0[1-9]|1[0-2])$/, (m) => m);
  return `${y}/${y + 1}`;
}

/**
 * Writes a messy but valid raw folder: 50 sources, `measures` measures, `rows` observation rows spread
 * over the sources, every value style, comments and blank lines, CRLF in some files.
 */
export function makeRaw(dir: string, rows: number, measures = 1000, sources = 50, seed = 1): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'observations'), { recursive: true });
  const rnd = mulberry32(seed);
  const sourceLines = ['source_id,author,title,year,kind,publisher,url,locale,notes'];
  const kinds = ['archival', 'official', 'scholarly', 'reference', 'popular'];
  for (let s = 0; s < sources; s++) {
    sourceLines.push(
      `src-${s},Author ${s},"Work ${s}, volume ${s % 7}",${1930 + (s % 60)},${kinds[s % kinds.length]},,https://example.org/${s},${s % 3 === 0 ? 'ru' : 'en'},`,
    );
  }
  writeFileSync(path.join(dir, 'sources.csv'), `${sourceLines.join('\n')}\n`);
  const measureLines = ['measure_id,label,unit,definition,method,tolerance'];
  const unitOf: U[] = [];
  for (let m = 0; m < measures; m++) {
    const unit = UNITS[m % UNITS.length]!;
    unitOf.push(unit);
    const method = m % 5 === 0 ? 'priority:archival>scholarly>official' : 'median';
    measureLines.push(`m-${m},Measure ${m},${unit},"Synthetic measure ${m} in ${unit}.",${method},0.1`);
  }
  writeFileSync(path.join(dir, 'measures.csv'), `${measureLines.join('\n')}\n`);
  writeFileSync(
    path.join(dir, 'claims.csv'),
    'claim_id,measure_id,claimed,period,summary\nc-1,m-1,12 million,,A claim.\n',
  );
  const perSource = Math.ceil(rows / sources);
  let written = 0;
  for (let s = 0; s < sources && written < rows; s++) {
    const ru = s % 3 === 0;
    const eol = s % 4 === 0 ? '\r\n' : '\n';
    const lines: string[] = ['measure_id,period,value,unit,page,status,note', '# synthetic rows', ''];
    const seen = new Set<string>();
    for (let i = 0; i < perSource && written < rows; i++) {
      const m = Math.floor(rnd() * measures);
      const unit = unitOf[m]!;
      const value = valueText(unit, 1 + rnd() * 20, rnd, ru);
      const period = periodText(rnd);
      const key = `${m}|${period}|${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const status = rnd() < 0.1 ? 'unverified' : 'verified';
      lines.push(`m-${m},${period},"${value}",,${1 + (i % 400)},${status},row ${i}`);
      written++;
    }
    writeFileSync(path.join(dir, 'observations', `src-${s}.csv`), `${lines.join(eol)}${eol}`);
  }
}

if (process.argv[1]?.endsWith('make-raw.ts')) {
  const [dir = '/tmp/norma-raw', rows = '10000'] = process.argv.slice(2);
  makeRaw(dir, Number(rows));
  process.stdout.write(`wrote ${rows} rows to ${dir}\n`);
}
