import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NormaConfig } from '../../pipeline/core/types.ts';
import { memoryFileSystem, memoryLogger } from '../../pipeline/io/effects.ts';
import {
  commitMoves,
  journalPath,
  recoverCommit,
  stageCopy,
  sweepLitter,
} from '../../pipeline/io/transaction.ts';
import { publish } from '../../pipeline/report/publish/publish.ts';
import { parseConfig, withBaseUrlFromEnv } from '../../pipeline/run/config.ts';

const OUT = path.resolve('/p/reports');
const WORK = path.join(OUT, '.norma');
const CLEAN = path.resolve('/p/data/clean');

describe('the commit of data/clean and the published files', () => {
  it('moves every staged file, and a kill after the journal is finished by the next start', async () => {
    const fs = memoryFileSystem({
      [path.join(WORK, 'clean/reconciled.csv')]: 'new reconciled',
      [path.join(WORK, 'clean/audit.json')]: 'new audit',
      [path.join(CLEAN, 'reconciled.csv')]: 'old reconciled',
      [path.join(CLEAN, 'audit.json')]: 'old audit',
    });
    const moves = [
      await stageCopy(fs, path.join(WORK, 'clean/reconciled.csv'), path.join(CLEAN, 'reconciled.csv'), 'r1'),
      await stageCopy(fs, path.join(WORK, 'clean/audit.json'), path.join(CLEAN, 'audit.json'), 'r1'),
    ];
    // A kill after the journal and the first rename: data/clean is mixed on disk for a moment...
    let renames = 0;
    const dying = {
      ...fs,
      rename: async (from: string, to: string) => {
        if (++renames === 3) throw new Error('killed');
        await fs.rename(from, to);
      },
      writeAtomic: async (file: string, data: string | Uint8Array) => {
        renames++;
        await fs.writeAtomic(file, data);
      },
    };
    await expect(commitMoves(dying, WORK, moves)).rejects.toThrow('killed');
    expect(await fs.exists(journalPath(WORK))).toBe(true);
    expect(await fs.readText(path.join(CLEAN, 'reconciled.csv'))).toBe('new reconciled');
    expect(await fs.readText(path.join(CLEAN, 'audit.json'))).toBe('old audit');
    // ...and whole again, the new one, before anything reads it.
    const logger = memoryLogger();
    expect(await recoverCommit(fs, WORK, logger)).toBe(1);
    expect(await fs.readText(path.join(CLEAN, 'audit.json'))).toBe('new audit');
    expect(await fs.exists(journalPath(WORK))).toBe(false);
    expect(logger.lines.join('\n')).toContain('interrupted');
    expect(await recoverCommit(fs, WORK, logger)).toBe(0);
  });

  it('a kill before the journal leaves the old files; their temp files are swept', async () => {
    const fs = memoryFileSystem({
      [path.join(WORK, 'clean/audit.json')]: 'new audit',
      [path.join(CLEAN, 'audit.json')]: 'old audit',
    });
    const move = await stageCopy(
      fs,
      path.join(WORK, 'clean/audit.json'),
      path.join(CLEAN, 'audit.json'),
      'r2',
    );
    expect(await fs.exists(move.temp)).toBe(true);
    expect(await recoverCommit(fs, WORK, memoryLogger())).toBe(0);
    await sweepLitter(fs, CLEAN);
    expect(await fs.readdir(CLEAN)).toEqual(['audit.json']);
    expect(await fs.readText(path.join(CLEAN, 'audit.json'))).toBe('old audit');
  });

  it('sweeps the temp file of a write a kill cut short (rejects.csv.PID.HEX.tmp), and nothing of the user', async () => {
    const fs = memoryFileSystem({
      [path.join(CLEAN, 'rejects.csv')]: 'ref,raw,reason\n',
      [path.join(CLEAN, 'rejects.csv.4242.0a1b2c3d.tmp')]: 'ref,raw,rea',
      [path.join(CLEAN, 'notes.tmp')]: 'mine',
    });
    await sweepLitter(fs, CLEAN);
    expect((await fs.readdir(CLEAN)).sort()).toEqual(['notes.tmp', 'rejects.csv']);
  });

  it('a full disk when the commit starts touches nothing published or clean, and says so truly', async () => {
    const config: NormaConfig = {
      title: 'T',
      subtitle: '',
      author: 'A',
      publisher: '',
      language: 'en',
      baseUrl: '',
      essay: { title: 'E', author: '', year: '' },
    };
    let full = false;
    const fs = memoryFileSystem(
      {
        [path.join(WORK, 'report.html')]: '<p>new</p>',
        [path.join(WORK, 'report.pdf')]: '%PDF-new',
        [path.join(WORK, 'clean/audit.json')]: 'new audit',
        [path.join(CLEAN, 'audit.json')]: 'old audit',
        [path.join(OUT, 'report.pdf')]: '%PDF-old',
      },
      { failWrites: (file) => full && file === journalPath(WORK) },
    );
    const move = await stageCopy(
      fs,
      path.join(WORK, 'clean/audit.json'),
      path.join(CLEAN, 'audit.json'),
      'r3',
    );
    full = true;
    const attempt = publish({
      fs,
      logger: memoryLogger(),
      outDir: OUT,
      workDir: WORK,
      htmlPath: path.join(WORK, 'report.html'),
      pdfPath: path.join(WORK, 'report.pdf'),
      reconciledCsv:
        'measure_id,period_start,period_end,value,low,high,unit,method,n_sources,agreement,sources,outliers,unverified\n',
      commitFirst: [move],
      fingerprint: 'c'.repeat(64),
      date: new Date('2024-01-01T00:00:00Z'),
      paper: 'a4',
      config,
    });
    await expect(attempt).rejects.toThrow(/the disk is full.*untouched/);
    expect(await fs.readText(path.join(OUT, 'report.pdf'))).toBe('%PDF-old');
    expect(await fs.exists(path.join(OUT, 'editions'))).toBe(false);
    expect(await fs.readdir(CLEAN)).toEqual(['audit.json']);
    expect(await fs.readText(path.join(CLEAN, 'audit.json'))).toBe('old audit');
  });
});

describe('baseUrl', () => {
  const text = (baseUrl?: string) => JSON.stringify(baseUrl === undefined ? {} : { baseUrl });

  it('defaults to empty (relative links), not to a site that is not the user’s', () => {
    expect(parseConfig(text()).baseUrl).toBe('');
    expect(parseConfig(text('')).baseUrl).toBe('');
    expect(parseConfig(text('https://example.org/r')).baseUrl).toBe('https://example.org/r/');
  });

  it('takes NORMA_BASE_URL only when the config leaves it empty', () => {
    const env = { NORMA_BASE_URL: 'https://owner.github.io/repo' };
    expect(withBaseUrlFromEnv(parseConfig(text()), env).baseUrl).toBe('https://owner.github.io/repo/');
    expect(withBaseUrlFromEnv(parseConfig(text('https://mine.example/')), env).baseUrl).toBe(
      'https://mine.example/',
    );
    expect(() => withBaseUrlFromEnv(parseConfig(text()), { NORMA_BASE_URL: 'javascript:alert(1)' })).toThrow(
      /http\(s\) URL/,
    );
  });
});
