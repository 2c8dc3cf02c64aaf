import type { StageSpec } from '../run/runtime.ts';
import { CLEAN_FILES } from '../run/runtime.ts';
import { renderedFingerprint } from './edition-plan.ts';

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
    const { publish } = await import('../report/publish/publish.ts');
    const { stageCleanMoves } = await import('../run/commit-clean.ts');
    const fingerprint = await renderedFingerprint(rt);
    const withPdf = rt.ctx.formats.includes('pdf');
    // data/clean's new files go in the same commit as the published ones: never one without the other.
    const clean = await stageCleanMoves(rt);
    const result = await publish({
      fs: rt.fs,
      logger: rt.logger,
      outDir: rt.ctx.outDir,
      workDir: rt.ctx.workDir,
      htmlPath: rt.paths.html,
      pdfPath: withPdf ? rt.paths.pdf : null,
      reconciledCsv: await rt.fs.readText(rt.paths.stagedFile('reconciled.csv')),
      cleanFiles: CLEAN_FILES.map((name) => ({ name, path: rt.paths.stagedFile(name) })),
      commitFirst: clean.moves,
      fingerprint,
      date: rt.ctx.buildDate,
      paper: rt.ctx.paper,
      config: rt.ctx.config,
    });
    rt.state.cleanCommitted = clean.changed;
    return { counts: `${result.written.length} files, ${result.reason}` };
  },
};
