import { describe, expect, it } from 'vitest';
import { depthFirst } from '../pipeline/core/depth-first.ts';

/** Walks `graph` from `roots`, following edges to ids in the graph; returns what the walk saw. */
function walk(graph: Record<string, string[]>, roots: string[]): { done: string[]; cycles: string[][] } {
  const done: string[] = [];
  const cycles: string[][] = [];
  depthFirst(roots, {
    edges: (id) => graph[id] ?? [],
    follow: (_, to) => to in graph,
    cycle: (cycle) => cycles.push(cycle),
    done: (id) => done.push(id),
  });
  return { done, cycles };
}

describe('depthFirst', () => {
  it('leaves each id after everything it leads to, once, and skips edges it is told not to follow', () => {
    const graph = { a: ['b', 'c', 'outside'], b: ['c'], c: [] };
    expect(walk(graph, ['a', 'b', 'c'])).toEqual({ done: ['c', 'b', 'a'], cycles: [] });
  });
  it('reports each cycle from the id reached again, and still leaves every id', () => {
    const graph = { a: ['b'], b: ['c'], c: ['a', 'c'] };
    expect(walk(graph, ['a'])).toEqual({
      done: ['c', 'b', 'a'],
      cycles: [['a', 'b', 'c'], ['c']],
    });
  });
  it('walks a chain of 100,000 ids without recursion', () => {
    const graph: Record<string, string[]> = {};
    for (let i = 0; i < 100_000; i++) graph[`n${i}`] = i + 1 < 100_000 ? [`n${i + 1}`] : [];
    const { done } = walk(graph, ['n0']);
    expect(done.length).toBe(100_000);
    expect(done[0]).toBe('n99999');
  });
});
