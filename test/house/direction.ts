// The direction of the house (README "How it works"): core at the bottom; data and report on core alone;
// io on core; stages, run and cli above, and only they touch io; the runner knows the stage list only.
import { importsOf, modules, wingOf } from './imports.ts';

const MAY_IMPORT: Record<string, readonly string[]> = {
  core: ['core'],
  data: ['core', 'data'],
  report: ['core', 'report'],
  io: ['core', 'io'],
  stages: ['core', 'data', 'report', 'io', 'run', 'stages'],
  run: ['core', 'io', 'run'],
  cli: ['core', 'io', 'run', 'stages', 'cli'],
};

/** Why `from` may not import `to`, or null when it may. */
export function against(from: string, to: string): string | null {
  const wing = wingOf(from);
  const target = wingOf(to);
  if (!(wing in MAY_IMPORT)) return `${from} stands outside the wings`;
  if (from === 'run/runner.ts' && target === 'stages')
    return to === 'stages/index.ts' ? null : 'the runner imports the stage list only';
  // The sharded data phase is a strategy of the runner over data's pure steps.
  if (from.startsWith('run/shards/') && target === 'data') return null;
  if (from === 'stages/index.ts' && target === 'stages') return null;
  // A stage (`*-stage.ts`) may use the stages' shared helpers, never another stage.
  if (wing === 'stages' && target === 'stages' && to.endsWith('-stage.ts'))
    return 'a stage imports another stage';
  return MAY_IMPORT[wing]!.includes(target) ? null : `${wing}/ may not import ${target}/`;
}

/** Every import against the direction, as `from -> to (why)`, sorted. */
export function violations(): string[] {
  const found: string[] = [];
  for (const from of modules()) {
    if (!(wingOf(from) in MAY_IMPORT)) found.push(`${from} (stands outside the wings)`);
    for (const to of importsOf(from)) {
      const why = against(from, to);
      if (why && !why.endsWith('outside the wings')) found.push(`${from} -> ${to} (${why})`);
    }
  }
  return found.sort();
}
