import type { StageSpec } from '../run/runtime.ts';
import { chartsStage } from './charts-stage.ts';
import { cleanStage } from './clean-stage.ts';
import { htmlStage } from './html-stage.ts';
import { ingestStage } from './ingest-stage.ts';
import { pdfStage } from './pdf-stage.ts';
import { publishStage } from './publish-stage.ts';
import { reconcileStage } from './reconcile-stage.ts';

/** The stages in pipeline order. */
export const STAGE_SPECS: StageSpec[] = [
  ingestStage,
  cleanStage,
  reconcileStage,
  chartsStage,
  htmlStage,
  pdfStage,
  publishStage,
];
