import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../pipeline/core/effects.ts';
import { sha256 } from '../../pipeline/core/sha256.ts';
import type { NormaConfig } from '../../pipeline/core/types.ts';
import { memoryFileSystem, memoryLogger } from '../../pipeline/io/effects.ts';
import { parseSha256Sums } from '../../pipeline/report/publish/checksums.ts';
import { planEdition } from '../../pipeline/report/publish/edition-store.ts';
import { publish } from '../../pipeline/report/publish/publish.ts';
import { childrenNamed, parseXml } from './xml-check.ts';

const OUT = path.resolve('/site/reports');
const WORK = path.join(OUT, '.norma');
const CLEAN = path.join(WORK, 'clean');
const HEADER =
  'measure_id,period_start,period_end,value,low,high,unit,method,n_sources,agreement,sources,outliers,unverified';
const RECONCILED = `${HEADER}\ncoal,1935,1935,102,102,102,t,median,1,single,a,,0\n`;
const config: NormaConfig = {
  title: 'Norma',
  subtitle: '',
  author: 'Editors',
  publisher: '',
  language: 'en',
  baseUrl: '',
  essay: { title: 'E', author: '', year: '' },
};
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
/** One commit: every build from it has this date (SOURCE_DATE_EPOCH, or the commit's time). */
const COMMIT = new Date('2024-03-01T10:00:00Z');

function build(fs: FileSystem & { files: Map<string, Buffer> }, fingerprint: string, pdf: string) {
  fs.files.set(path.join(WORK, 'report.html'), Buffer.from(`<p>${pdf}</p>`));
  fs.files.set(path.join(WORK, 'report.pdf'), Buffer.from(pdf));
  return publish({
    fs,
    logger: memoryLogger(),
    outDir: OUT,
    workDir: WORK,
    htmlPath: path.join(WORK, 'report.html'),
    pdfPath: path.join(WORK, 'report.pdf'),
    reconciledCsv: RECONCILED,
    cleanFiles: ['observations.csv', 'claims.csv', 'audit.json', 'rejects.csv', 'reconciled.csv'].map(
      (name) => ({ name, path: path.join(CLEAN, name) }),
    ),
    fingerprint,
    date: COMMIT,
    paper: 'a4',
    config,
  });
}

function project() {
  return memoryFileSystem({
    [path.join(CLEAN, 'observations.csv')]: 'source_id\na\n',
    [path.join(CLEAN, 'claims.csv')]: 'claim_id\nc\n',
    [path.join(CLEAN, 'audit.json')]: '[]\n',
    [path.join(CLEAN, 'rejects.csv')]: 'ref,raw,reason\n',
    [path.join(CLEAN, 'reconciled.csv')]: RECONCILED,
  });
}

const text = (fs: { files: Map<string, Buffer> }, rel: string) =>
  fs.files.get(path.join(OUT, rel))?.toString('utf8') ?? '';

describe('editions', () => {
  it('a same-day revert is a new edition, listed newest in the index and the feed', async () => {
    const fs = project();
    const one = await build(fs, A, '%PDF-A');
    const two = await build(fs, B, '%PDF-B');
    const revert = await build(fs, A, '%PDF-A');
    expect(revert.created).toBe(true);
    expect(revert.reason).not.toContain('already exists');
    expect(new Set([one.edition, two.edition, revert.edition]).size).toBe(3);
    expect(text(fs, 'report.pdf')).toBe('%PDF-A');
    const index = text(fs, 'index.html');
    expect(index.indexOf(revert.edition!)).toBeLessThan(index.indexOf(two.edition!));
    const entries = childrenNamed(parseXml(text(fs, 'feed.xml')), 'entry');
    expect(childrenNamed(entries[0]!, 'summary')[0]!.text).toContain(revert.edition!);
    // The same content again is still that edition.
    expect((await planEdition(fs, OUT, A, COMMIT, true)).isNew).toBe(false);
  });

  it('editions from one commit have their own titles and times in the feed, and link the HTML with the PDF beside', async () => {
    const fs = project();
    await build(fs, A, '%PDF-A');
    await build(fs, B, '%PDF-B');
    await build(fs, A, '%PDF-A');
    const entries = childrenNamed(parseXml(text(fs, 'feed.xml')), 'entry');
    expect(entries).toHaveLength(3);
    const titles = entries.map((e) => childrenNamed(e, 'title')[0]!.text);
    const times = entries.map((e) => childrenNamed(e, 'updated')[0]!.text);
    expect(new Set(titles).size).toBe(3);
    expect(new Set(times).size).toBe(3);
    expect([...times].sort().reverse()).toEqual(times);
    for (const entry of entries) {
      const links = childrenNamed(entry, 'link');
      const alternate = links.find((l) => l.attrs.rel === 'alternate');
      expect(alternate?.attrs.type).toBe('text/html');
      expect(alternate?.attrs.href).toMatch(/report\.html$/);
      expect(links.find((l) => l.attrs.type === 'application/pdf')?.attrs.href).toMatch(/report\.pdf$/);
    }
  });

  it('carries every clean file, in its manifest and in SHA256SUMS', async () => {
    const fs = project();
    const { edition } = await build(fs, A, '%PDF-A');
    const manifest = JSON.parse(text(fs, `editions/${edition}/manifest.json`)) as {
      files: { path: string; sha256: string }[];
    };
    const names = ['observations.csv', 'claims.csv', 'audit.json', 'rejects.csv', 'reconciled.csv'];
    const sums = parseSha256Sums(text(fs, 'SHA256SUMS'));
    const index = text(fs, 'index.html');
    for (const name of names) {
      const bytes = fs.files.get(path.join(OUT, 'editions', edition!, name));
      expect(bytes, name).toBeDefined();
      expect(manifest.files.find((f) => f.path === name)?.sha256).toBe(sha256(bytes!));
      expect(sums.find((s) => s.path === `editions/${edition}/${name}`)?.sha256).toBe(sha256(bytes!));
      expect(index).toContain(`href="editions/${edition}/${name}"`);
    }
  });
});
