import type { Options } from '../core/options.ts';
import { STAGES, type StageName } from '../core/types.ts';

/** The stages a run executes, in order. */
export function plannedStages(options: Options): StageName[] {
  if (options.stage) return [options.stage];
  const last = options.to ?? 'publish';
  const stages = STAGES.slice(0, STAGES.indexOf(last) + 1);
  return options.formats.includes('pdf') ? [...stages] : stages.filter((s) => s !== 'pdf');
}
