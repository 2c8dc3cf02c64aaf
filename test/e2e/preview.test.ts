import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, ROOT, workspace } from './run-cli.ts';

/** The editor's loop in a real browser: edit a figure, break a row, fix it, as an editor would. */
describe.runIf(CHROMIUM)('npm run preview', () => {
  const ws = workspace('basic');
  const zemskov = path.join(ws.raw, 'observations/zemskov-1991.csv');
  const original = readFileSync(zemskov, 'utf8');
  let preview: ChildProcess;
  let stdout = '';
  let browser: Browser;
  let page: Page;
  let url = '';

  beforeAll(async () => {
    preview = spawn(
      process.execPath,
      [
        path.join(ROOT, 'scripts/norma.mjs'),
        'preview',
        '--port',
        '0',
        '--raw',
        ws.raw,
        '--clean',
        ws.clean,
        '--out',
        ws.out,
        // The fixture's own words (workspace copies them beside its raw folder).
        '--report',
        path.join(ws.dir, 'report'),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    preview.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`preview did not start:\n${stdout}`)), 90_000);
      const poll = setInterval(() => {
        const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }, 100);
    });
    const args = ['--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    browser = await puppeteer.launch({ executablePath: CHROMIUM!, headless: true, args });
    page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (preview.exitCode === null) preview.kill('SIGKILL');
    rmSync(ws.dir, { recursive: true, force: true });
  });

  const bodyText = () => page.evaluate(() => document.body.textContent ?? '');
  const overlay = () =>
    page.evaluate(() => {
      const box = document.getElementById('norma-overlay');
      return box && box.style.display !== 'none' ? (box.textContent ?? '') : '';
    });

  it('binds to loopback and serves the report', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(await bodyText()).toContain('2,528,146');
  });

  it('shows a changed figure after the rebuild', async () => {
    writeFileSync(zemskov, original.replace('2 528 146', '2 611 111'));
    await page.waitForFunction(() => (document.body.textContent ?? '').includes('2,611,111'), {
      timeout: 60_000,
    });
    expect(await bodyText()).not.toContain('2,528,146');
  });

  it('shows a broken row in an overlay naming the line, over the last good report', async () => {
    writeFileSync(zemskov, original.replace('2 528 146', '2 6OO OOO'));
    await page.waitForFunction(
      () => (document.getElementById('norma-overlay')?.textContent ?? '').includes('zemskov-1991.csv:2'),
      { timeout: 60_000 },
    );
    expect(await overlay()).toContain('observations/zemskov-1991.csv:2');
    expect(await bodyText()).toContain('2,611,111');
  });

  it('takes the overlay away once the row is fixed', async () => {
    writeFileSync(zemskov, original.replace('2 528 146', '2 733 333'));
    await page.waitForFunction(() => (document.body.textContent ?? '').includes('2,733,333'), {
      timeout: 60_000,
    });
    expect(await overlay()).toBe('');
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => preview.once('exit', (code) => resolve(code)));
    preview.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('preview: stopping');
  });
});
