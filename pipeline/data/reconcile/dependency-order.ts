// Derived measures may chain (a ratio of a ratio): compute them inputs first; a cycle is an error.

import { depthFirst } from '../../core/depth-first.ts';
import { compareText } from '../../core/order.ts';
import type { Measure, Method, Problem } from '../../core/types.ts';

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

/** Depth-first over derived measures in id order, so the plan and its messages are deterministic. */
export function planDerivations(measures: readonly Measure[]): DerivationPlan {
  const byId = new Map(measures.map((m) => [m.measure_id, m]));
  const derived = measures
    .filter((m) => isDerived(m.method))
    .map((m) => m.measure_id)
    .sort(compareText);
  const order: string[] = [];
  const broken = new Set<string>();
  const problems: Problem[] = [];
  const reported = new Set<string>();
  depthFirst(derived, {
    edges: (id) => inputsOf((byId.get(id) as Measure).method),
    follow(from, input) {
      const im = byId.get(input);
      if (im) return isDerived(im.method);
      const m = byId.get(from) as Measure;
      broken.add(from);
      problems.push({
        kind: 'fatal',
        code: 'unknown-measure',
        ref: m.ref,
        message: `Measure ${from} (method ${m.method_text}) reads measure ${input}, which is not in measures.csv.`,
      });
      return false;
    },
    cycle(cycle) {
      for (const c of cycle) broken.add(c);
      const key = [...cycle].sort().join(' ');
      if (reported.has(key)) return;
      reported.add(key);
      const first = byId.get([...cycle].sort(compareText)[0] as string) as Measure;
      problems.push({
        kind: 'fatal',
        code: 'derivation-cycle',
        ref: first.ref,
        message: `Derived measures form a cycle: ${[...cycle, cycle[0]].join(' → ')}. Change one of their methods so that no measure depends on itself.`,
      });
    },
    done: (id) => order.push(id),
  });
  return { order, broken, problems };
}
