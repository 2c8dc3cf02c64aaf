import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../pipeline/cli/preview/loopback-host.ts';
import { redactPaths } from '../../pipeline/cli/preview/redact-paths.ts';
import { parsePreviewArgs } from '../../pipeline/cli/preview.ts';
import { CHROMIUM, ROOT, workspace } from './run-cli.ts';

/** GET `url` with the given Host header (as a page elsewhere that rebound its name to 127.0.0.1 would). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('the preview server on its own', () => {
  it('takes loopback Host headers with its port only', () => {
    for (const host of ['127.0.0.1:4173', 'localhost:4173', 'LOCALHOST:4173', '[::1]:4173'])
      expect(isLoopbackHost(host, 4173), host).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example:4173',
      'localhost.evil.example:4173',
      '127.0.0.1.nip.io:4173',
      '127.0.0.1:4174',
      '127.0.0.1',
      'localhost',
      '[::1]',
      '0.0.0.0:4173',
    ])
      expect(isLoopbackHost(host, 4173), String(host)).toBe(false);
  });

  it('takes the absolute paths out of what it serves', () => {
    const known = [{ abs: '/home/ed/proj/data/raw', shown: 'data/raw' }];
    expect(redactPaths('/home/ed/proj/data/raw/sources.csv:3: bad', known)).toBe(
      'data/raw/sources.csv:3: bad',
    );
    expect(redactPaths('row rejected (see /tmp/x/clean/rejects.csv); fix it', known)).toBe(
      'row rejected (see …/rejects.csv); fix it',
    );
    expect(redactPaths('at http://127.0.0.1:4173/ and 1/2', known)).toBe('at http://127.0.0.1:4173/ and 1/2');
  });

  it('takes --allow-rejects (its overlay advises it) and passes it to every rebuild', () => {
    const parsed = parsePreviewArgs(['--allow-rejects', '--port', '0']);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.options.reportArgs).toContain('--allow-rejects');
      expect(parsed.options.port).toBe(0);
    }
  });
});

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

  it('answers loopback Host headers only (no DNS rebinding)', async () => {
    const port = new URL(url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await getWithHost(`${url}state`, host)).status, host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, `rebind.127.0.0.1.nip.io:${port}`, 'localhost:1']) {
      const res = await getWithHost(`${url}state`, host);
      expect(res.status, host).toBe(421);
      expect(res.body).not.toContain('"errors"');
      expect((await getWithHost(url, host)).status).toBe(421);
    }
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
    // The advice is preview's own option, which preview takes.
    expect(await overlay()).toContain('npm run preview -- --allow-rejects');
    // What is served names no absolute path of this machine.
    const state = (await getWithHost(`${url}state`, new URL(url).host)).body;
    expect(state).toContain('zemskov-1991.csv:2');
    expect(state).not.toContain(ws.dir);
    expect(state).not.toContain(ROOT);
    expect(state).not.toMatch(/(^|[\s"'(=])\/[^\s"']+\//);
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
