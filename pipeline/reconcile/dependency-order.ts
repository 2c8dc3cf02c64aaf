// Derived measures may chain (a ratio of a ratio): compute them inputs first; a cycle is an error.
import type { Measure, Method, Problem } from '../types.ts';
import { compareText } from '../write-csv.ts';

export function inputsOf(method: Method): string[] {
  if (method.type === 'ratio') return [method.numerator, method.denominator];
  if (method.type === 'cagr') return [method.measure];
  return [];
}

export function isDerived(method: Method): boolean {
  return method.type === 'ratio' || method.type === 'cagr';
}

export interface DerivationPlan {
  /** Derived measure ids, every one after the measures it reads. */
  order: string[];
  /** Measures that cannot be computed (in a cycle or naming an unknown measure). */
  broken: Set<string>;
  problems: Problem[];
}

/**
 * Depth-first over derived measures in id order, so the plan and its messages are deterministic; with a
 * stack of its own, not recursion, so that a long chain of derived measures cannot overflow the call stack.
 */
export function planDerivations(measures: readonly Measure[]): DerivationPlan {
  const byId = new Map(measures.map((m) => [m.measure_id, m]));
  const derived = measures
    .filter((m) => isDerived(m.method))
    .sort((a, b) => compareText(a.measure_id, b.measure_id));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const broken = new Set<string>();
  const problems: Problem[] = [];
  const reported = new Set<string>();
  // The measures being visited, outermost first, and for each the index of the next input to follow.
  const path: Measure[] = [];
  const next: number[] = [];

  const reportCycle = (reached: Measure): void => {
    const ids = path.map((p) => p.measure_id);
    const cycle = ids.slice(ids.indexOf(reached.measure_id));
    for (const c of cycle) broken.add(c);
    const key = [...cycle].sort().join(' ');
    if (reported.has(key)) return;
    reported.add(key);
    const first = byId.get([...cycle].sort(compareText)[0] as string) ?? reached;
    problems.push({
      kind: 'fatal',
      code: 'derivation-cycle',
      ref: first.ref,
      message: `Derived measures form a cycle: ${[...cycle, reached.measure_id].join(' → ')}. Change one of their methods so that no measure depends on itself.`,
    });
  };
  const enter = (m: Measure): void => {
    state.set(m.measure_id, 'visiting');
    path.push(m);
    next.push(0);
  };

  for (const root of derived) {
    if (state.get(root.measure_id) === 'done') continue;
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const m = path[top] as Measure;
      const inputs = inputsOf(m.method);
      const i = next[top] as number;
      if (i === inputs.length) {
        path.pop();
        next.pop();
        state.set(m.measure_id, 'done');
        order.push(m.measure_id);
        continue;
      }
      next[top] = i + 1;
      const input = inputs[i] as string;
      const im = byId.get(input);
      if (!im) {
        broken.add(m.measure_id);
        problems.push({
          kind: 'fatal',
          code: 'unknown-measure',
          ref: m.ref,
          message: `Measure ${m.measure_id} (method ${m.method_text}) reads measure ${input}, which is not in measures.csv.`,
        });
        continue;
      }
      if (!isDerived(im.method)) continue;
      const s = state.get(im.measure_id);
      if (s === 'visiting') reportCycle(im);
      else if (s === undefined) enter(im);
    }
  }
  return { order, broken, problems };
}
