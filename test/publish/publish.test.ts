import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../pipeline/core/effects.ts';
import { sha256 } from '../../pipeline/core/sha256.ts';
import type { NormaConfig } from '../../pipeline/core/types.ts';
import { memoryFileSystem, memoryLogger } from '../../pipeline/io/effects.ts';
import { parseSha256Sums } from '../../pipeline/report/publish/checksums.ts';
import { planEdition, readEditions } from '../../pipeline/report/publish/edition-store.ts';
import { publish, readLastEdition } from '../../pipeline/report/publish/publish.ts';
import { childrenNamed, parseXml } from './xml-check.ts';

const OUT = path.resolve('/site/reports');
const WORK = path.join(OUT, '.norma');
const HEADER =
  'measure_id,period_start,period_end,value,low,high,unit,method,n_sources,agreement,sources,outliers,unverified';
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const COAL = 'coal,1935,1935,102,102,102,t,median,1,single,a,,0';
const STEEL = 'steel,1937,1937,17.7,17.7,17.7,Mt,median,2,consistent,a;b,,0';

const config: NormaConfig = {
  title: 'Norma & Reality',
  subtitle: 'Figures',
  author: 'Editors',
  publisher: 'norma',
  language: 'en',
  baseUrl: 'https://example.org/norma/',
  essay: { title: 'E', author: 'A', year: '2024' },
};

const FP1 = 'a'.repeat(64);
const FP2 = 'b'.repeat(64);
const D1 = new Date('2024-03-01T10:00:00Z');
const D2 = new Date('2024-04-15T09:30:00Z');

function stageBuild(fs: FileSystem & { files: Map<string, Buffer> }, html: string, pdf: string | null) {
  fs.files.set(path.join(WORK, 'report.html'), Buffer.from(html));
  if (pdf !== null) fs.files.set(path.join(WORK, 'report.pdf'), Buffer.from(pdf));
}

function run(
  fs: FileSystem,
  o: { fingerprint: string; date: Date; reconciled: string; pdf?: boolean; cfg?: NormaConfig },
) {
  return publish({
    fs,
    logger: memoryLogger(),
    outDir: OUT,
    workDir: WORK,
    htmlPath: path.join(WORK, 'report.html'),
    pdfPath: o.pdf === false ? null : path.join(WORK, 'report.pdf'),
    reconciledCsv: o.reconciled,
    fingerprint: o.fingerprint,
    date: o.date,
    paper: 'a4',
    config: o.cfg ?? config,
  });
}

/** Every published file (not the work folder) with its bytes, for before/after comparisons. */
function published(fs: { files: Map<string, Buffer> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fs.files) {
    const rel = path.relative(OUT, k).split(path.sep).join('/');
    if (!rel.startsWith('.norma/') && !rel.startsWith('..')) out[rel] = v.toString('latin1');
  }
  return out;
}

async function firstEdition() {
  const fs = memoryFileSystem();
  stageBuild(fs, '<p>one</p>', '%PDF-one');
  const result = await run(fs, { fingerprint: FP1, date: D1, reconciled: csv(COAL) });
  return { fs, result };
}

describe('publish', () => {
  it('makes the first edition with its files, manifest, index, feed and checksums', async () => {
    const { fs, result } = await firstEdition();
    expect(result).toMatchObject({ edition: '2024-03-01-aaaaaaaaaa', created: true });
    expect(result.written).toEqual([
      'editions/2024-03-01-aaaaaaaaaa/report.html',
      'editions/2024-03-01-aaaaaaaaaa/report.pdf',
      'editions/2024-03-01-aaaaaaaaaa/reconciled.csv',
      'editions/2024-03-01-aaaaaaaaaa/manifest.json',
      'report.html',
      'report.pdf',
      'index.html',
      'feed.xml',
      'SHA256SUMS',
    ]);
    const files = published(fs);
    expect(Object.keys(files).sort()).toEqual([...result.written].sort());
    const manifest = JSON.parse(files['editions/2024-03-01-aaaaaaaaaa/manifest.json']!);
    expect(manifest).toMatchObject({
      edition: '2024-03-01-aaaaaaaaaa',
      sequence: 1,
      fingerprint: FP1,
      date: '2024-03-01T10:00:00Z',
      previousEdition: null,
      changes: null,
    });
    expect(manifest.files).toContainEqual({ path: 'report.pdf', bytes: 8, sha256: sha256('%PDF-one') });
    expect(files['index.html']).toContain('First edition');
    // No temp file is left behind.
    expect([...fs.files.keys()].filter((k) => k.includes(`${path.sep}tmp${path.sep}`))).toEqual([]);
  });

  it('writes SHA256SUMS that match every published file', async () => {
    const { fs } = await firstEdition();
    stageBuild(fs, '<p>two</p>', '%PDF-two');
    await run(fs, { fingerprint: FP2, date: D2, reconciled: csv(COAL, STEEL) });
    const files = published(fs);
    const sums = parseSha256Sums(files.SHA256SUMS!);
    const listed = sums.map((s) => s.path).sort();
    expect(listed).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'SHA256SUMS')
        .sort(),
    );
    for (const s of sums) expect(sha256(Buffer.from(files[s.path]!, 'latin1')), s.path).toBe(s.sha256);
    expect(files.SHA256SUMS).toMatch(/^[0-9a-f]{64} {2}editions\/2024-03-01-aaaaaaaaaa\/manifest\.json$/m);
  });

  it('makes no edition when the fingerprint is unchanged, and keeps the edition date', async () => {
    const { fs } = await firstEdition();
    const plan = await planEdition(fs, OUT, FP1, D2, true);
    expect(plan).toMatchObject({ id: '2024-03-01-aaaaaaaaaa', isNew: false, previous: null });
    expect(plan.date.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    const before = published(fs);
    stageBuild(fs, '<p>one</p>', '%PDF-one');
    const result = await run(fs, { fingerprint: FP1, date: D2, reconciled: csv(COAL) });
    expect(result).toMatchObject({ created: false, edition: '2024-03-01-aaaaaaaaaa' });
    expect(published(fs)).toEqual(before);
  });

  it('makes a new edition on a change, with its changes against the last one', async () => {
    const { fs } = await firstEdition();
    const plan = await planEdition(fs, OUT, FP2, D2, true);
    expect(plan).toMatchObject({ id: '2024-04-15-bbbbbbbbbb', isNew: true, sequence: 2 });
    expect(plan.previous?.id).toBe('2024-03-01-aaaaaaaaaa');
    expect(plan.previous?.reconciledCsv).toBe(csv(COAL));

    stageBuild(fs, '<p>two</p>', '%PDF-two');
    const changed = 'coal,1935,1935,90,90,90,t,median,1,single,a,,0';
    const result = await run(fs, { fingerprint: FP2, date: D2, reconciled: csv(changed, STEEL) });
    expect(result).toMatchObject({ created: true, edition: '2024-04-15-bbbbbbbbbb' });
    const files = published(fs);
    const manifest = JSON.parse(files['editions/2024-04-15-bbbbbbbbbb/manifest.json']!);
    expect(manifest).toMatchObject({
      sequence: 2,
      previousEdition: '2024-03-01-aaaaaaaaaa',
      changes: { added: 1, removed: 0, changed: 1 },
    });
    expect(files['report.pdf']).toBe('%PDF-two');
    expect(files['editions/2024-03-01-aaaaaaaaaa/report.pdf']).toBe('%PDF-one');
    const index = files['index.html']!;
    expect(index).toContain('1 figure changed, 1 added');
    expect(index.indexOf('2024-04-15-bbbbbbbbbb')).toBeLessThan(index.indexOf('2024-03-01-aaaaaaaaaa'));
    expect((await readLastEdition(fs, OUT))?.id).toBe('2024-04-15-bbbbbbbbbb');

    // The unchanged rebuild of the second edition compares with the first (same changes section).
    const again = await planEdition(fs, OUT, FP2, new Date('2024-05-01T00:00:00Z'), true);
    expect(again).toMatchObject({ id: '2024-04-15-bbbbbbbbbb', isNew: false });
    expect(again.previous?.id).toBe('2024-03-01-aaaaaaaaaa');
  });

  it('an HTML-only build makes no edition and only replaces report.html (and its checksum)', async () => {
    const { fs } = await firstEdition();
    const before = published(fs);
    stageBuild(fs, '<p>html only</p>', null);
    fs.files.delete(path.join(WORK, 'report.pdf'));
    const result = await run(fs, { fingerprint: FP2, date: D2, reconciled: csv(COAL, STEEL), pdf: false });
    expect(result).toMatchObject({ created: false, edition: null });
    const after = published(fs);
    expect(after['report.html']).toBe('<p>html only</p>');
    expect(after['report.pdf']).toBe(before['report.pdf']);
    expect(Object.keys(after).filter((f) => f.startsWith('editions/'))).toEqual(
      Object.keys(before).filter((f) => f.startsWith('editions/')),
    );
    expect(after['index.html']).toBe(before['index.html']);
    expect(after['feed.xml']).toBe(before['feed.xml']);
    const sums = parseSha256Sums(after.SHA256SUMS!);
    expect(sums.find((s) => s.path === 'report.html')?.sha256).toBe(sha256('<p>html only</p>'));
  });

  it('an HTML-only first build makes no edition', async () => {
    const fs = memoryFileSystem();
    stageBuild(fs, '<p>x</p>', null);
    const result = await run(fs, { fingerprint: FP1, date: D1, reconciled: csv(COAL), pdf: false });
    expect(result.created).toBe(false);
    expect(Object.keys(published(fs)).sort()).toEqual([
      'SHA256SUMS',
      'feed.xml',
      'index.html',
      'report.html',
    ]);
    expect(await readEditions(fs, OUT)).toEqual([]);
  });

  it('refuses to publish when the PDF is missing (nothing new until the PDF exists)', async () => {
    const { fs } = await firstEdition();
    const before = published(fs);
    fs.files.delete(path.join(WORK, 'report.pdf'));
    await expect(run(fs, { fingerprint: FP2, date: D2, reconciled: csv(COAL) })).rejects.toMatchObject({
      exitCode: 3,
    });
    expect(published(fs)).toEqual(before);
  });

  it('a full disk while writing leaves the last edition and the latest files whole', async () => {
    const { fs: first } = await firstEdition();
    const before = published(first);
    for (let failAt = 1; failAt <= 9; failAt++) {
      let writes = 0;
      const fs = memoryFileSystem({}, { failWrites: () => ++writes === failAt });
      for (const [k, v] of first.files) fs.files.set(k, v);
      stageBuild(fs, '<p>two</p>', '%PDF-two');
      await expect(
        run(fs, { fingerprint: FP2, date: D2, reconciled: csv(COAL, STEEL) }),
      ).rejects.toMatchObject({
        exitCode: 3,
        message: expect.stringMatching(/disk is full.*untouched/),
      });
      expect(published(fs), `failing write ${failAt}`).toEqual(before);
      expect([...fs.files.keys()].filter((k) => k.includes(`${path.sep}tmp${path.sep}`))).toEqual([]);
    }
  });

  it('a crash between renames leaves a whole edition or none, and whole latest files', async () => {
    const { fs: first } = await firstEdition();
    const before = published(first);
    for (const failOn of ['report.pdf', 'manifest.json', 'index.html', 'SHA256SUMS']) {
      const fs = memoryFileSystem();
      for (const [k, v] of first.files) fs.files.set(k, v);
      const rename = fs.rename.bind(fs);
      let seen = 0;
      fs.rename = async (from, to) => {
        // The first match is the edition's copy, the second the latest file.
        if (path.basename(to) === failOn && ++seen === (failOn === 'report.pdf' ? 2 : 1)) {
          throw Object.assign(new Error('killed'), { code: 'EIO' });
        }
        return rename(from, to);
      };
      stageBuild(fs, '<p>two</p>', '%PDF-two');
      await expect(run(fs, { fingerprint: FP2, date: D2, reconciled: csv(COAL, STEEL) })).rejects.toThrow();
      const after = published(fs);
      // The last edition is untouched; each latest file is either the old or the new one, whole.
      for (const [file, bytes] of Object.entries(before)) {
        if (file.startsWith('editions/')) expect(after[file]).toBe(bytes);
      }
      expect(['%PDF-one', '%PDF-two']).toContain(after['report.pdf']);
      expect(['<p>one</p>', '<p>two</p>']).toContain(after['report.html']);
      const editions = await readEditions(fs, OUT);
      if (failOn === 'manifest.json')
        expect(editions.map((e) => e.manifest.edition)).toEqual(['2024-03-01-aaaaaaaaaa']);
      else expect(editions).toHaveLength(2);
      // The next build completes the job.
      const next = memoryFileSystem();
      for (const [k, v] of fs.files) next.files.set(k, v);
      await run(next, { fingerprint: FP2, date: D2, reconciled: csv(COAL, STEEL) });
      const done = published(next);
      expect(done['report.pdf']).toBe('%PDF-two');
      expect((await readEditions(next, OUT)).map((e) => e.manifest.edition)).toEqual([
        '2024-04-15-bbbbbbbbbb',
        '2024-03-01-aaaaaaaaaa',
      ]);
    }
  });

  it('never writes outside the output folder', async () => {
    const { fs } = await firstEdition();
    for (const k of fs.files.keys()) expect(k.startsWith(OUT + path.sep)).toBe(true);
  });

  it('ignores a half-published edition folder (no manifest)', async () => {
    const { fs } = await firstEdition();
    fs.files.set(path.join(OUT, 'editions/2024-04-15-bbbbbbbbbb/report.pdf'), Buffer.from('%PDF-half'));
    expect((await readLastEdition(fs, OUT))?.id).toBe('2024-03-01-aaaaaaaaaa');
  });
});

describe('feed.xml and index.html', () => {
  async function twoEditions(cfg: NormaConfig = config) {
    const fs = memoryFileSystem();
    stageBuild(fs, '<p>one</p>', '%PDF-one');
    await run(fs, { fingerprint: FP1, date: D1, reconciled: csv(COAL), cfg });
    stageBuild(fs, '<p>two</p>', '%PDF-two');
    await run(fs, { fingerprint: FP2, date: D2, reconciled: csv(STEEL), cfg });
    return published(fs);
  }

  it('is a well-formed Atom feed, one entry per edition, newest first, linking the PDF', async () => {
    const files = await twoEditions();
    const feed = parseXml(files['feed.xml']!);
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(childrenNamed(feed, 'title')[0]!.text).toBe('Norma & Reality');
    expect(childrenNamed(feed, 'updated')[0]!.text).toBe('2024-04-15T09:30:00Z');
    expect(childrenNamed(feed, 'id')[0]!.text).toBe('https://example.org/norma/feed.xml');
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(2);
    const [newest, oldest] = entries;
    expect(childrenNamed(newest!, 'id')[0]!.text).toBe(
      'tag:example.org,2024-04-15:/norma/editions/2024-04-15-bbbbbbbbbb',
    );
    expect(childrenNamed(newest!, 'updated')[0]!.text).toBe('2024-04-15T09:30:00Z');
    expect(childrenNamed(newest!, 'summary')[0]!.text).toMatch(/^1 figure added, 1 removed\./);
    const pdfLink = childrenNamed(newest!, 'link').find((l) => l.attrs.type === 'application/pdf');
    expect(pdfLink?.attrs.href).toBe('https://example.org/norma/editions/2024-04-15-bbbbbbbbbb/report.pdf');
    expect(childrenNamed(oldest!, 'summary')[0]!.text).toMatch(/^First edition/);
  });

  it('is the same bytes when rebuilt (ids and dates come from the editions)', async () => {
    expect((await twoEditions())['feed.xml']).toBe((await twoEditions())['feed.xml']);
  });

  it('escapes hostile config text and never links a non-http base URL', async () => {
    const hostile: NormaConfig = {
      ...config,
      title: '</title><script>alert(1)</script>&\u0001',
      subtitle: '"><img src=x onerror=alert(1)>',
      author: '<b>x</b>',
      language: 'en" onload="x',
      baseUrl: 'javascript:alert(1)//',
    };
    const files = await twoEditions(hostile);
    const feed = files['feed.xml']!;
    parseXml(feed);
    expect(feed).not.toContain('<script>');
    expect(feed).not.toContain('javascript:');
    expect(feed).toContain('href="editions/2024-04-15-bbbbbbbbbb/report.pdf"');
    const index = files['index.html']!;
    expect(index).not.toMatch(/<script|<img|javascript:|onload="/i);
    expect(index).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    for (const m of index.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:\/\/|[a-zA-Z0-9])/);
  });
});

describe('publish on a real disk', () => {
  it('publishes by rename, and `sha256sum -c SHA256SUMS` passes', async () => {
    const { mkdtemp, mkdir, writeFile, rm, readdir } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { execFileSync } = await import('node:child_process');
    const { nodeFileSystem } = await import('../../pipeline/io/effects.ts');
    const dir = await mkdtemp(path.join(tmpdir(), 'norma-publish-'));
    try {
      const out = path.join(dir, 'reports');
      const work = path.join(out, '.norma');
      await mkdir(work, { recursive: true });
      const build = async (
        html: string,
        pdf: string,
        fingerprint: string,
        date: Date,
        reconciled: string,
      ) => {
        await writeFile(path.join(work, 'report.html'), html);
        await writeFile(path.join(work, 'report.pdf'), pdf);
        return publish({
          fs: nodeFileSystem,
          logger: memoryLogger(),
          outDir: out,
          workDir: work,
          htmlPath: path.join(work, 'report.html'),
          pdfPath: path.join(work, 'report.pdf'),
          reconciledCsv: reconciled,
          fingerprint,
          date,
          paper: 'a4',
          config,
        });
      };
      expect((await build('<p>1</p>', '%PDF-1', FP1, D1, csv(COAL))).created).toBe(true);
      expect((await build('<p>1</p>', '%PDF-1', FP1, D2, csv(COAL))).created).toBe(false);
      expect((await build('<p>2</p>', '%PDF-2', FP2, D2, csv(STEEL))).created).toBe(true);
      expect((await readdir(path.join(out, 'editions'))).sort()).toEqual([
        '2024-03-01-aaaaaaaaaa',
        '2024-04-15-bbbbbbbbbb',
      ]);
      expect(await readdir(path.join(work, 'tmp'))).toEqual([]);
      try {
        execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
      } catch {
        return; // no coreutils sha256sum here: the in-memory test checked the sums
      }
      const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
      expect(check.trim().split('\n')).toHaveLength(12);
      expect(check).not.toMatch(/FAILED/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
