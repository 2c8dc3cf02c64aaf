import type { Runtime, StageSpec } from '../run/runtime.ts';

/** The Chromium of this run, looked up once (the key, the early start and the print all need it). */
function chromiumFor(rt: Runtime): Promise<string | null> {
  rt.state.chromium ??= import('../report/pdf/find-chromium.ts').then(({ findChromium }) => findChromium());
  return rt.state.chromium;
}

/** The browser, started as soon as a stage runs in a build that prints, while the data stages work. */
export function startBrowserEarly(rt: Runtime): void {
  // Once per run: after the pdf stage has closed it, nothing may start another (publish needs none).
  if (rt.state.browserStarted || !rt.ctx.formats.includes('pdf') || rt.options.stage) return;
  rt.state.browserStarted = true;
  rt.state.browser = (async () => {
    const chromium = await chromiumFor(rt);
    if (!chromium) return undefined;
    const { startBrowserEarly: start } = await import('../report/pdf/print-pdf.ts');
    return start(chromium, rt.logger);
  })().catch((error: unknown) => {
    // Kept for the pdf stage: a browser that hung at start is reported, not started again.
    rt.state.browserError = error;
    return undefined;
  });
}

export async function closeBrowser(rt: Runtime): Promise<void> {
  const browser = await rt.state.browser;
  rt.state.browser = undefined;
  if (!browser) return;
  const { closeBounded } = await import('../report/pdf/print-pdf.ts');
  await closeBounded(browser);
}

export const pdfStage: StageSpec = {
  name: 'pdf',
  async inputs(rt) {
    return [(await chromiumFor(rt)) ?? 'no chromium'];
  },
  outputs: (rt) => [rt.paths.pdf],
  async run(rt) {
    const { chromiumNotFound } = await import('../report/pdf/chromium-error.ts');
    const { printPdf } = await import('../report/pdf/print-pdf.ts');
    const { pdfMetaFromConfig } = await import('../report/pdf/pdf-meta.ts');
    const chromium = await chromiumFor(rt);
    if (!chromium) {
      const { statSync } = await import('node:fs');
      throw chromiumNotFound(
        process.env,
        (file) => statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false,
      );
    }
    const meta = JSON.parse(await rt.fs.readText(rt.paths.htmlMeta)) as { date: string };
    const browser = await rt.state.browser;
    if (rt.state.browserError) throw rt.state.browserError;
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
