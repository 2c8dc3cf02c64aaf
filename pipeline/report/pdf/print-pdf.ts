import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer';
import type { Logger } from '../../core/effects.ts';
import { escapeMarkup } from '../../core/escape-markup.ts';
import type { Paper } from '../../core/stage.ts';
import { nodeFileSystem } from '../../io/effects.ts';
import { ChromiumError, chromiumCrashed, chromiumHung, chromiumNotFoundAt } from './chromium-error.ts';
import { isExecutable } from './find-chromium.ts';
import { normalisePdfWithPages } from './normalise-pdf.ts';
import type { PdfMeta } from './pdf-meta.ts';
import { MEASURE_CSS, readMeasuringPrint, secondPrintCss } from './toc-pages.ts';

export type { Browser } from 'puppeteer';

/** DESIGN §7: always these; `--no-sandbox` only as root (Chromium refuses to start otherwise). */
export function chromiumArgs(isRoot: boolean): string[] {
  return [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--mute-audio',
    // Belt and braces behind request interception: no host name ever resolves, so even a DNS prefetch
    // (which interception does not see) leaks nothing.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * How long each browser step may take. With `pipe: true` puppeteer's own launch timeout does not apply
 * (a Chromium that never answered stalled a build 721 s), so every step is raced against its own timer.
 * NORMA_BROWSER_TIMEOUT_MS scales them all down (the tests' fake, silent browser), never up.
 */
export function browserTimeouts(env: NodeJS.ProcessEnv = process.env): {
  launch: number;
  load: number;
  print: number;
  close: number;
} {
  const cap = Number(env.NORMA_BROWSER_TIMEOUT_MS);
  const bound = (ms: number) => (Number.isFinite(cap) && cap > 0 ? Math.min(ms, cap) : ms);
  return { launch: bound(60_000), load: bound(120_000), print: bound(180_000), close: bound(5_000) };
}

/** Resolves as `work` does, or rejects with `onTimeout()` after `ms` (and then calls `stop`). */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  stop: () => void = () => {},
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stop();
      reject(onTimeout());
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a browser, killing its process if it does not close in time (a hung one never would). */
export async function closeBounded(browser: Browser): Promise<void> {
  const child = browser.process();
  await withDeadline(
    browser.close(),
    browserTimeouts().close,
    () => new Error('close timed out'),
    () => child?.kill('SIGKILL'),
  ).catch(() => child?.kill('SIGKILL'));
}

/**
 * Starts Chromium with a fresh profile that is removed when the browser closes. The runner may call this
 * while the data stages run and hand the browser to printPdf (which then does not close it).
 */
export async function launchBrowser(chromium: string, logger?: Logger): Promise<Browser> {
  if (!(await isExecutable(chromium))) throw chromiumNotFoundAt(chromium);
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'norma-chromium-'));
  const timeouts = browserTimeouts();
  // Aborting the signal makes puppeteer kill the browser process it spawned.
  const abort = new AbortController();
  let browser: Browser;
  try {
    browser = await withDeadline(
      puppeteer.launch({
        executablePath: chromium,
        headless: true,
        // A pipe instead of a debugging port: nothing listens on the network, not even on loopback.
        pipe: true,
        userDataDir,
        args: chromiumArgs(isRoot()),
        timeout: timeouts.launch,
        protocolTimeout: timeouts.print,
        signal: abort.signal,
      }),
      timeouts.launch,
      () => chromiumHung(chromium, 'starting', timeouts.launch),
      () => abort.abort(),
    );
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw chromiumNotFoundAt(chromium);
    throw error;
  }
  // Remove the profile once Chromium has really exited (it still writes to it while shutting down).
  const removeProfile = () =>
    rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
  const child = browser.process();
  if (child && child.exitCode === null) child.once('exit', () => void removeProfile());
  else browser.once('disconnected', () => void removeProfile());
  logger?.debug(`chromium ${await browser.version()} started (${chromium})`);
  return browser;
}

/**
 * For the runner: start Chromium while the data stages run. Never throws; a browser that would not
 * start gives undefined, and printPdf then launches (and retries) itself, reporting the error properly.
 */
export async function startBrowserEarly(chromium: string, logger?: Logger): Promise<Browser | undefined> {
  try {
    return await launchBrowser(chromium, logger);
  } catch (error) {
    // A browser that never answers would not answer the second time either: that is the error to report.
    if (error instanceof ChromiumError && error.reason === 'hung') throw error;
    logger?.debug(
      `chromium did not start early (${(error as Error).message.split('\n')[0]}); will retry when printing`,
    );
    return undefined;
  }
}

/** Only the report file itself and inline `data:` URLs may load; everything else is refused. */
export function isAllowedRequest(url: string, reportUrl: string): boolean {
  if (url.startsWith('data:')) return true;
  const strip = (u: string) => u.replace(/[?#].*$/, '');
  return strip(url) === strip(reportUrl);
}

// Header and footer are rendered in their own document: they need their own font size (Chromium's
// default there is tiny) and only system fonts (fonts-liberation covers Latin and Cyrillic).
const chromeStyle =
  "font-family:'Liberation Sans','DejaVu Sans',Arial,sans-serif;font-size:7.5pt;color:#555;width:100%;margin:0 16mm;";

export function headerTemplate(title: string): string {
  return `<div style="${chromeStyle}text-align:left;">${escapeMarkup(title)}</div>`;
}

export function footerTemplate(): string {
  return `<div style="${chromeStyle}text-align:center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
}

export interface PrintOptions {
  htmlPath: string;
  pdfPath: string;
  paper: Paper;
  meta: PdfMeta;
  chromium: string;
  logger: Logger;
  /**
   * `template`: Chromium's header and footer templates (title, "Page X of Y") in fixed margins.
   * `css`: the document draws its own in CSS page-margin boxes and sets its margins (the report does,
   * so that its cover goes without them).
   */
  headerFooter?: 'template' | 'css';
  /** A browser from launchBrowser, reused (and left open); otherwise one is launched and closed. */
  browser?: Browser;
}

/**
 * A style sheet of our own in the report's page, set through the DevTools protocol (the page runs no
 * script); null when the report has no contents links to number.
 */
async function tocStyleSheet(page: Page): Promise<{ set(css: string): Promise<void> } | null> {
  const cdp = await page.createCDPSession();
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', {
    nodeId: root.nodeId,
    selector: '.toc a[href^="#"]',
  });
  if (!nodeId) return null;
  await cdp.send('CSS.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { styleSheetId } = await cdp.send('CSS.createStyleSheet', { frameId: frameTree.frame.id });
  return {
    async set(text: string) {
      await cdp.send('CSS.setStyleSheetText', { styleSheetId, text });
    },
  };
}

/** Prints once on the given browser; returns Chromium's raw bytes and the refused requests. */
async function printOnce(
  browser: Browser,
  opts: PrintOptions,
): Promise<{ bytes: Uint8Array; blocked: string[] }> {
  const reportUrl = pathToFileURL(path.resolve(opts.htmlPath)).href;
  const blocked: string[] = [];
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (isAllowedRequest(url, reportUrl)) {
        void request.continue();
      } else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.goto(reportUrl, { waitUntil: 'load', timeout: browserTimeouts().load });
    const print = (structure: boolean) =>
      page.pdf({
        format: opts.paper === 'letter' ? 'Letter' : 'A4',
        printBackground: true,
        ...(opts.headerFooter === 'css'
          ? { displayHeaderFooter: false }
          : {
              displayHeaderFooter: true,
              headerTemplate: headerTemplate(opts.meta.title),
              footerTemplate: footerTemplate(),
              margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
            }),
        // --paper decides the size; the print CSS must not set `@page { size }`.
        preferCSSPageSize: false,
        outline: structure,
        tagged: structure,
        waitForFonts: true,
        timeout: browserTimeouts().print,
      });
    // Contents with page numbers: a measuring print first, when the report has contents to number.
    const style = await tocStyleSheet(page);
    if (style) {
      await style.set(MEASURE_CSS);
      await style.set(secondPrintCss(await readMeasuringPrint(await print(false))));
    }
    const pdf = await print(true);
    return { bytes: pdf, blocked };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Prints the report to `pdfPath` (written atomically, normalised for reproducible bytes). A crash of
 * Chromium is retried once on a fresh browser; a second failure is a ChromiumError (exit 3).
 */
export async function printPdf(opts: PrintOptions): Promise<{ pages: number; blocked: string[] }> {
  const { logger } = opts;
  let lastError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const reuse = attempt === 1 && opts.browser?.connected ? opts.browser : undefined;
    let browser: Browser | undefined = reuse;
    try {
      browser ??= await launchBrowser(opts.chromium, logger);
      const open = browser;
      const limit = browserTimeouts();
      // Every step inside has its own timeout; this bounds the whole print, however Chromium stalls.
      const { bytes, blocked } = await withDeadline(
        printOnce(open, opts),
        // Two prints: the measuring one for the contents' page numbers, then the real one.
        limit.load + 2 * limit.print,
        () => chromiumHung(opts.chromium, 'printing the PDF', limit.load + 2 * limit.print),
        () => open.process()?.kill('SIGKILL'),
      );
      const unique = [...new Set(blocked)];
      for (const url of unique) logger.warn(`pdf: blocked a request the report made: ${url.slice(0, 200)}`);
      const normalised = await normalisePdfWithPages(bytes, opts.meta);
      await nodeFileSystem.writeAtomic(opts.pdfPath, normalised.bytes);
      return { pages: normalised.pages, blocked: unique };
    } catch (error) {
      if (error instanceof ChromiumError && error.reason !== 'crashed') throw error;
      lastError = error;
      if (attempt === 1) {
        logger.warn(`pdf: Chromium failed (${(error as Error).message.split('\n')[0]}); retrying once`);
      }
    } finally {
      if (browser && browser !== opts.browser) await closeBounded(browser);
    }
  }
  throw chromiumCrashed(opts.chromium, lastError);
}
