// Integrity checks for the hand-maintained inputs in data/raw (DESIGN.md section 3).
// The checker is a pure function over file texts, so it runs on the real folder and on small bad
// fixtures alike: the fixtures prove that each rule actually fails on bad data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { KINDS, LOCALES, STATUSES, UNITS } from '../../pipeline/core/types.ts';

const RAW = join(import.meta.dirname, '..', '..', 'data', 'raw');
const ID = /^[a-z0-9][a-z0-9._-]*$/;
const YEAR = /(^|\D)\d{4}(\D|$)/;
const DATE = String.raw`\d{4}(?:-\d{2}(?:-\d{2})?)?`;
// YYYY, YYYY-MM, YYYY-MM-DD; spans YYYY–YYYY, YYYY-YYYY, YYYY/YYYY, YYYY-YY, YYYY/YY; start/end dates.
const PERIOD = new RegExp(String.raw`^(?:${DATE}|\d{4}[–-]\d{4}|\d{4}/\d{2}(?:\d{2})?|${DATE}/${DATE})$`);

const REQUIRED = {
  sources: ['source_id', 'author', 'title', 'year', 'kind'],
  measures: ['measure_id', 'label', 'unit', 'definition'],
  observations: ['measure_id', 'period', 'value'],
  claims: ['claim_id', 'measure_id', 'claimed'],
} as const;
type FileKind = keyof typeof REQUIRED;

/** The raw folder as texts: top-level files by name, observation files by source id. */
interface RawTexts {
  sources?: string;
  measures?: string;
  claims?: string;
  observations: Map<string, string>;
}

interface Table {
  file: string;
  rows: { line: number; cells: Record<string, string> }[];
}

function parseTable(file: string, text: string, kind: FileKind, problems: string[]): Table {
  if (text.length === 0) {
    problems.push(`${file}: empty file (0 bytes)`);
    return { file, rows: [] };
  }
  // Keep line numbers physical: drop comment and blank lines ourselves, after noting where each row starts.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const kept: { line: number; text: string }[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === '' || l.trimStart().startsWith('#')) return;
    kept.push({ line: i + 1, text: l });
  });
  const parsed = Papa.parse<string[]>(kept.map((k) => k.text).join('\n'), { skipEmptyLines: false });
  for (const e of parsed.errors)
    problems.push(`${file}: CSV error ${e.code} (${e.message}) near row ${e.row}`);
  const [header, ...body] = parsed.data;
  if (!header) {
    problems.push(`${file}: no header row`);
    return { file, rows: [] };
  }
  const columns = header.map((h) => h.trim());
  for (const col of REQUIRED[kind]) {
    if (!columns.includes(col)) problems.push(`${file}: required column '${col}' missing`);
  }
  // Rows can span lines (quoted newlines); line numbers then point at the kept line of the row's start.
  let cursor = 1;
  const rows = body.map((cells) => {
    const record: Record<string, string> = {};
    columns.forEach((c, i) => {
      record[c] = (cells[i] ?? '').trim();
    });
    const line = kept[cursor]?.line ?? 0;
    if (cells.length !== columns.length) {
      problems.push(`${file}:${line}: ${cells.length} cells for ${columns.length} columns`);
    }
    // A row occupies one kept line plus one more per newline inside its quoted cells.
    cursor += cells.join('').split('\n').length;
    return { line, cells: record };
  });
  return { file, rows };
}

function checkUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : `not http(s): ${url}`;
  } catch {
    return `does not parse: ${url}`;
  }
}

/** Every rule of the raw-data contract this dataset relies on; returns one message per violation. */
function checkDataset(raw: RawTexts): string[] {
  const problems: string[] = [];
  const table = (name: 'sources' | 'measures' | 'claims'): Table => {
    const text = raw[name];
    if (text === undefined) {
      problems.push(`${name}.csv: missing`);
      return { file: `${name}.csv`, rows: [] };
    }
    return parseTable(`${name}.csv`, text, name, problems);
  };
  const sources = table('sources');
  const measures = table('measures');
  const claims = table('claims');

  const ids = (t: Table, col: string): Set<string> => {
    const seen = new Set<string>();
    for (const { line, cells } of t.rows) {
      const id = cells[col] ?? '';
      if (!ID.test(id)) problems.push(`${t.file}:${line}: ${col} '${id}' does not match ${ID}`);
      if (seen.has(id)) problems.push(`${t.file}:${line}: duplicate ${col} '${id}'`);
      seen.add(id);
    }
    return seen;
  };
  const sourceIds = ids(sources, 'source_id');
  const measureIds = ids(measures, 'measure_id');
  ids(claims, 'claim_id');

  for (const { line, cells } of sources.rows) {
    const at = `sources.csv:${line}`;
    for (const col of REQUIRED.sources) {
      if (!cells[col]) problems.push(`${at}: empty ${col}`);
    }
    if (cells.year && !YEAR.test(cells.year))
      problems.push(`${at}: year '${cells.year}' has no four-digit year`);
    if (!(KINDS as readonly string[]).includes(cells.kind ?? ''))
      problems.push(`${at}: unknown kind '${cells.kind}'`);
    if (cells.locale && !(LOCALES as readonly string[]).includes(cells.locale)) {
      problems.push(`${at}: unknown locale '${cells.locale}'`);
    }
    if (cells.url) {
      const bad = checkUrl(cells.url);
      if (bad) problems.push(`${at}: url ${bad}`);
    }
    // A source with no figure file must say why in its notes (e.g. "no figures: cited for context").
    if (!raw.observations.has(cells.source_id ?? '') && !/no figures/i.test(cells.notes ?? '')) {
      problems.push(
        `${at}: source '${cells.source_id}' has no observations file and its notes do not say why`,
      );
    }
  }

  const derived = new Set<string>();
  for (const { line, cells } of measures.rows) {
    const at = `measures.csv:${line}`;
    for (const col of REQUIRED.measures) {
      if (!cells[col]) problems.push(`${at}: empty ${col}`);
    }
    if (!(UNITS as readonly string[]).includes(cells.unit ?? ''))
      problems.push(`${at}: unknown unit '${cells.unit}'`);
    if (cells.tolerance && !(Number(cells.tolerance) >= 0)) {
      problems.push(`${at}: tolerance '${cells.tolerance}' is not a non-negative number`);
    }
    const method = cells.method || 'median';
    const [type, arg = ''] = method.split(/:(.*)/s);
    const refs: string[] = [];
    if (type === 'priority') {
      for (const k of arg.split('>')) {
        if (!(KINDS as readonly string[]).includes(k.trim()))
          problems.push(`${at}: priority kind '${k}' unknown`);
      }
    } else if (type === 'ratio') {
      const parts = arg.split('/');
      if (parts.length !== 2) problems.push(`${at}: ratio needs <a>/<b>: '${method}'`);
      refs.push(...parts);
    } else if (type === 'cagr') {
      const m = /^([^@]+)(?:@(\d{4})\/(\d{4}))?$/.exec(arg);
      if (!m) problems.push(`${at}: cagr needs <measure> or <measure>@<start>/<end>: '${method}'`);
      else {
        refs.push(m[1]!);
        if (m[2] && Number(m[3]) <= Number(m[2])) problems.push(`${at}: cagr end year not after start`);
      }
    } else if (type !== 'median') problems.push(`${at}: unknown method '${method}'`);
    if (refs.length > 0) derived.add(cells.measure_id ?? '');
    for (const r of refs) {
      if (!measureIds.has(r)) problems.push(`${at}: method refers to unknown measure '${r}'`);
    }
  }

  for (const [sourceId, text] of raw.observations) {
    const file = `observations/${sourceId}.csv`;
    if (!sourceIds.has(sourceId)) problems.push(`${file}: no row for '${sourceId}' in sources.csv`);
    const t = parseTable(file, text, 'observations', problems);
    const seen = new Set<string>();
    for (const { line, cells } of t.rows) {
      const at = `${file}:${line}`;
      const measure = cells.measure_id ?? '';
      if (!measureIds.has(measure)) problems.push(`${at}: unknown measure '${measure}'`);
      if (derived.has(measure)) problems.push(`${at}: '${measure}' is derived and takes no observations`);
      if (!PERIOD.test(cells.period ?? ''))
        problems.push(`${at}: period '${cells.period}' not in a contract form`);
      if (!cells.value) problems.push(`${at}: empty value`);
      if (cells.status && !(STATUSES as readonly string[]).includes(cells.status)) {
        problems.push(`${at}: unknown status '${cells.status}'`);
      }
      if ((cells.status === 'unverified' || cells.status === 'derived') && !cells.note) {
        problems.push(`${at}: ${cells.status} row without a note saying why or how`);
      }
      const key = [measure, cells.period, cells.value, cells.unit ?? ''].join('\u0000');
      if (seen.has(key)) problems.push(`${at}: exact duplicate of an earlier row`);
      seen.add(key);
    }
  }

  for (const { line, cells } of claims.rows) {
    const at = `claims.csv:${line}`;
    if (!measureIds.has(cells.measure_id ?? ''))
      problems.push(`${at}: unknown measure '${cells.measure_id}'`);
    if (!cells.claimed) problems.push(`${at}: empty claimed`);
    if (cells.period && !PERIOD.test(cells.period))
      problems.push(`${at}: period '${cells.period}' not in a contract form`);
  }
  return problems;
}

function readRaw(dir: string): RawTexts {
  const read = (name: string) =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined;
  const observations = new Map<string, string>();
  const obsDir = join(dir, 'observations');
  for (const f of existsSync(obsDir) ? readdirSync(obsDir) : []) {
    if (f.endsWith('.csv')) observations.set(f.slice(0, -4), readFileSync(join(obsDir, f), 'utf8'));
  }
  return {
    sources: read('sources.csv'),
    measures: read('measures.csv'),
    claims: read('claims.csv'),
    observations,
  };
}

describe('data/raw', () => {
  const raw = readRaw(RAW);

  it('meets the raw-data contract and refers only to things that exist', () => {
    expect(checkDataset(raw)).toEqual([]);
  });

  it('is large enough for the report', () => {
    const count = (text: string | undefined) =>
      Papa.parse(text ?? '', { header: true, skipEmptyLines: 'greedy' }).data.length;
    let rows = 0;
    for (const text of raw.observations.values()) rows += count(text);
    expect(count(raw.sources)).toBeGreaterThanOrEqual(35);
    expect(count(raw.measures)).toBeGreaterThanOrEqual(50);
    expect(rows).toBeGreaterThanOrEqual(220);
  });

  it('holds every essay claim against at least two sources', () => {
    const rowsOf = (text: string | undefined) =>
      Papa.parse<Record<string, string>>(text ?? '', {
        header: true,
        skipEmptyLines: 'greedy',
        comments: '#',
      }).data;
    const methodOf = new Map(rowsOf(raw.measures).map((m) => [m.measure_id, m.method ?? '']));
    const sourcesOf = new Map<string, Set<string>>();
    for (const [source, text] of raw.observations) {
      for (const r of rowsOf(text)) {
        const set = sourcesOf.get(r.measure_id ?? '') ?? new Set<string>();
        set.add(source);
        sourcesOf.set(r.measure_id ?? '', set);
      }
    }
    // A derived measure draws its sources from its inputs.
    const sourcesFor = (measure: string, depth = 0): Set<string> => {
      const method = methodOf.get(measure) ?? '';
      const inputs = /^(?:ratio|cagr):([^@]+)/.exec(method)?.[1]?.split('/') ?? [];
      if (inputs.length === 0 || depth > 5) return sourcesOf.get(measure) ?? new Set();
      return new Set(inputs.flatMap((m) => [...sourcesFor(m, depth + 1)]));
    };
    const byEssayClaim = new Map<string, Set<string>>();
    for (const c of rowsOf(raw.claims)) {
      const essay = /^(ess-\d+)/.exec(c.claim_id ?? '')?.[1] ?? c.claim_id ?? '';
      const set = byEssayClaim.get(essay) ?? new Set<string>();
      for (const s of sourcesFor(c.measure_id ?? '')) set.add(s);
      byEssayClaim.set(essay, set);
    }
    const thin = [...byEssayClaim]
      .filter(([, s]) => s.size < 2)
      .map(([id, s]) => `${id}: ${[...s].join(', ')}`);
    expect(thin).toEqual([]);
  });
});

describe('checkDataset on bad data', () => {
  const good: RawTexts = {
    sources:
      'source_id,author,title,year,kind,url\nsiegelbaum-1988,L. Siegelbaum,Stakhanovism,1988,scholarly,https://example.org/a\n',
    measures:
      'measure_id,label,unit,definition,method\n' +
      'record.stakhanov-tonnes,Record,t,Coal cut,median\n' +
      'record.norm-tonnes,Norm,t,Shift norm,median\n' +
      'record.stakhanov-multiple,Multiple,multiple,Derived,ratio:record.stakhanov-tonnes/record.norm-tonnes\n',
    claims: 'claim_id,measure_id,claimed,period\ness-01-tonnes,record.stakhanov-tonnes,102 t,1935-08-31\n',
    observations: new Map([
      ['siegelbaum-1988', 'measure_id,period,value\nrecord.stakhanov-tonnes,1935-08-31,102 t\n'],
    ]),
  };
  const withChange = (change: Partial<RawTexts>): RawTexts => ({ ...good, ...change });

  it('accepts a small good dataset, with a BOM, comments and blank lines', () => {
    expect(checkDataset(good)).toEqual([]);
    const decorated = withChange({ sources: `\uFEFF# comment\n\n${good.sources}` });
    expect(checkDataset(decorated)).toEqual([]);
  });

  it.each<[string, Partial<RawTexts>, RegExp]>([
    [
      'an observation file without a source',
      { observations: new Map([...good.observations, ['nobody', 'measure_id,period,value\n']]) },
      /no row for 'nobody'/,
    ],
    [
      'a source without figures or a reason',
      { sources: `${good.sources}maddison-2020,B&vZ,MPD,2020,scholarly,\n` },
      /no observations file/,
    ],
    [
      'an unknown measure in an observation',
      { observations: new Map([['siegelbaum-1988', 'measure_id,period,value\nrecord.nope,1935,1 t\n']]) },
      /unknown measure 'record.nope'/,
    ],
    [
      'an unknown measure in a claim',
      { claims: 'claim_id,measure_id,claimed\ness-04-flow,gulag-flow.x,11 million\n' },
      /unknown measure 'gulag-flow.x'/,
    ],
    [
      'a bad id',
      { claims: 'claim_id,measure_id,claimed\nESS-01,record.stakhanov-tonnes,102 t\n' },
      /does not match/,
    ],
    [
      'a duplicate id',
      { sources: `${good.sources}siegelbaum-1988,X,Y,1990,popular,\n` },
      /duplicate source_id 'siegelbaum-1988'/,
    ],
    [
      'an exact duplicate row',
      {
        observations: new Map([
          [
            'siegelbaum-1988',
            'measure_id,period,value\nrecord.stakhanov-tonnes,1935-08-31,102 t\nrecord.stakhanov-tonnes,1935-08-31,102 t\n',
          ],
        ]),
      },
      /:3: exact duplicate/,
    ],
    [
      'a URL that does not parse',
      { sources: good.sources!.replace('https://example.org/a', 'www.example.org') },
      /url does not parse/,
    ],
    [
      'a non-http URL',
      { sources: good.sources!.replace('https://example.org/a', 'ftp://example.org/a') },
      /not http\(s\)/,
    ],
    [
      'a missing required column',
      { measures: 'measure_id,label,definition\nrecord.stakhanov-tonnes,R,C\n' },
      /required column 'unit' missing/,
    ],
    [
      'a year without four digits',
      { sources: good.sources!.replace(',1988,', ',n.d.,') },
      /no four-digit year/,
    ],
    ['an unknown kind', { sources: good.sources!.replace('scholarly', 'western') }, /unknown kind 'western'/],
    [
      'an unknown unit',
      { measures: good.measures!.replace('Record,t,', 'Record,tonnes,') },
      /unknown unit 'tonnes'/,
    ],
    [
      'a derived measure referring to nothing',
      { measures: good.measures!.replace('/record.norm-tonnes', '/record.quota') },
      /unknown measure 'record.quota'/,
    ],
    [
      'observations of a derived measure',
      {
        observations: new Map([
          ['siegelbaum-1988', 'measure_id,period,value\nrecord.stakhanov-multiple,1935-08-31,14×\n'],
        ]),
      },
      /is derived/,
    ],
    [
      'a malformed period',
      {
        observations: new Map([
          ['siegelbaum-1988', 'measure_id,period,value\nrecord.stakhanov-tonnes,Aug 1935,102 t\n'],
        ]),
      },
      /period 'Aug 1935'/,
    ],
    [
      'an unverified row without a note',
      {
        observations: new Map([
          [
            'siegelbaum-1988',
            'measure_id,period,value,status\nrecord.stakhanov-tonnes,1935-08-31,102 t,unverified\n',
          ],
        ]),
      },
      /unverified row without a note/,
    ],
    [
      'a duplicate after a comment line, with its physical line number',
      {
        observations: new Map([
          [
            'siegelbaum-1988',
            'measure_id,period,value\n# note\nrecord.stakhanov-tonnes,1935-08-31,102 t\nrecord.stakhanov-tonnes,1935-08-31,102 t\n',
          ],
        ]),
      },
      /siegelbaum-1988\.csv:4: exact duplicate/,
    ],
    ['a 0-byte file', { claims: '' }, /empty file/],
  ])('rejects %s', (_name, change, message) => {
    const problems = checkDataset(withChange(change));
    expect(
      problems.some((p) => message.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});
