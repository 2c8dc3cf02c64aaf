import type { StageSpec } from '../runtime.ts';
import { cleanStage } from './clean-stage.ts';
import { ingestStage } from './ingest-stage.ts';
import { reconcileStage } from './reconcile-stage.ts';

/** The stages in pipeline order. */
export const STAGE_SPECS: StageSpec[] = [ingestStage, cleanStage, reconcileStage];
