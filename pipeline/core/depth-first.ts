// Depth first over a graph of ids (derived measures and the measures they read), with a stack of its own
// rather than recursion: a chain of ten thousand derived measures overflowed the call stack.

export interface DepthFirstVisit {
  /** The ids `id` leads to, in order; asked once, when the walk enters `id`. */
  edges(id: string): readonly string[];
  /** Whether the walk goes on from `from` to `to` (a caller may note a problem with the edge here). */
  follow(from: string, to: string): boolean;
  /** A cycle: the open path from the id reached again (`cycle[0]`) to the one that reached it. */
  cycle(cycle: string[]): void;
  /** `id` is left, everything it leads to done first. */
  done?(id: string): void;
}

/** Walks from each root in turn (one already reached is skipped), each edge in order. */
export function depthFirst(roots: readonly string[], visit: DepthFirstVisit): void {
  const state = new Map<string, 'open' | 'done'>();
  // The open path; for each of its ids, its edges and the index of the next one to follow.
  const path: string[] = [];
  const edges: (readonly string[])[] = [];
  const next: number[] = [];
  const enter = (id: string): void => {
    state.set(id, 'open');
    path.push(id);
    edges.push(visit.edges(id));
    next.push(0);
  };
  for (const root of roots) {
    if (state.has(root)) continue;
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const list = edges[top] as readonly string[];
      const i = next[top] as number;
      if (i === list.length) {
        const id = path.pop() as string;
        edges.pop();
        next.pop();
        state.set(id, 'done');
        visit.done?.(id);
        continue;
      }
      next[top] = i + 1;
      const to = list[i] as string;
      if (!visit.follow(path[top] as string, to)) continue;
      const s = state.get(to);
      if (s === 'open') visit.cycle(path.slice(path.indexOf(to)));
      else if (s === undefined) enter(to);
    }
  }
}
