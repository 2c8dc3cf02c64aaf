import type { StageSpec } from '../runtime.ts';
import { editionPlan } from './html-stage.ts';

export const publishStage: StageSpec = {
  name: 'publish',
  async inputs(rt) {
    return [rt.ctx.formats.join(',')];
  },
  outputs: (rt) => {
    const path = rt.ctx.outDir;
    const files = [`${path}/report.html`];
    if (rt.ctx.formats.includes('pdf')) files.push(`${path}/report.pdf`);
    return files;
  },
  async run(rt) {
    const { publish } = await import('../publish/publish.ts');
    const { fingerprint } = await editionPlan(rt);
    const withPdf = rt.ctx.formats.includes('pdf');
    const result = await publish({
      fs: rt.fs,
      logger: rt.logger,
      outDir: rt.ctx.outDir,
      workDir: rt.ctx.workDir,
      htmlPath: rt.paths.html,
      pdfPath: withPdf ? rt.paths.pdf : null,
      reconciledCsv: await rt.fs.readText(rt.paths.stagedFile('reconciled.csv')),
      fingerprint,
      date: rt.ctx.buildDate,
      paper: rt.ctx.paper,
      config: rt.ctx.config,
    });
    return { counts: `${result.written.length} files, ${result.reason}` };
  },
};
