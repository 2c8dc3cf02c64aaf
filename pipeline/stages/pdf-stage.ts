import type { Runtime, StageSpec } from '../runtime.ts';

/** The browser, started as soon as a stage runs in a build that prints, while the data stages work. */
export function startBrowserEarly(rt: Runtime): void {
  const state = rt.state as { browser?: Promise<import('puppeteer').Browser | undefined> };
  if (state.browser || !rt.ctx.formats.includes('pdf') || rt.options.stage) return;
  state.browser = (async () => {
    const { findChromium } = await import('../pdf/find-chromium.ts');
    const chromium = await findChromium();
    if (!chromium) return undefined;
    const { startBrowserEarly: start } = await import('../pdf/print-pdf.ts');
    return start(chromium, rt.logger);
  })().catch(() => undefined);
}

export async function closeBrowser(rt: Runtime): Promise<void> {
  const state = rt.state as { browser?: Promise<import('puppeteer').Browser | undefined> };
  const browser = await state.browser;
  state.browser = undefined;
  await browser?.close().catch(() => {});
}

export const pdfStage: StageSpec = {
  name: 'pdf',
  async inputs() {
    const { findChromium } = await import('../pdf/find-chromium.ts');
    return [(await findChromium()) ?? 'no chromium'];
  },
  outputs: (rt) => [rt.paths.pdf],
  async run(rt) {
    const { findChromium } = await import('../pdf/find-chromium.ts');
    const { chromiumNotFound } = await import('../pdf/chromium-error.ts');
    const { printPdf } = await import('../pdf/print-pdf.ts');
    const { pdfMetaFromConfig } = await import('../pdf/pdf-meta.ts');
    const chromium = await findChromium();
    if (!chromium) throw chromiumNotFound();
    const meta = JSON.parse(await rt.fs.readText(rt.paths.htmlMeta)) as { date: string };
    const state = rt.state as { browser?: Promise<import('puppeteer').Browser | undefined> };
    const browser = await state.browser;
    try {
      const result = await printPdf({
        htmlPath: rt.paths.html,
        pdfPath: rt.paths.pdf,
        paper: rt.ctx.paper,
        headerFooter: 'css',
        meta: pdfMetaFromConfig(rt.ctx.config, new Date(meta.date)),
        chromium,
        logger: rt.logger,
        ...(browser ? { browser } : {}),
      });
      return {
        counts: `${result.pages} pages${result.blocked.length ? `, ${result.blocked.length} requests blocked` : ''}`,
      };
    } finally {
      await closeBrowser(rt);
    }
  },
};
