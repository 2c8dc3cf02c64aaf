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

/** Depth-first over derived measures in id order, so the plan and its messages are deterministic. */
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

  const visit = (m: Measure, stack: string[]): void => {
    const id = m.measure_id;
    const s = state.get(id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = stack.slice(stack.indexOf(id));
      for (const c of cycle) broken.add(c);
      const key = [...cycle].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        const first = byId.get([...cycle].sort(compareText)[0] as string) ?? m;
        problems.push({
          kind: 'fatal',
          code: 'derivation-cycle',
          ref: first.ref,
          message: `Derived measures form a cycle: ${[...cycle, id].join(' → ')}. Change one of their methods so that no measure depends on itself.`,
        });
      }
      return;
    }
    state.set(id, 'visiting');
    for (const input of inputsOf(m.method)) {
      const im = byId.get(input);
      if (!im) {
        broken.add(id);
        problems.push({
          kind: 'fatal',
          code: 'unknown-measure',
          ref: m.ref,
          message: `Measure ${id} (method ${m.method_text}) reads measure ${input}, which is not in measures.csv.`,
        });
        continue;
      }
      if (isDerived(im.method)) visit(im, [...stack, id]);
    }
    state.set(id, 'done');
    order.push(id);
  };

  for (const m of derived) visit(m, []);
  return { order, broken, problems };
}
