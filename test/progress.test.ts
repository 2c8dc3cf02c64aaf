import { describe, expect, it } from 'vitest';
import { startProgress } from '../pipeline/run/progress.ts';

function fakeClock() {
  let t = 0;
  let tick: (() => void) | null = null;
  return {
    now: () => t,
    setInterval: ((fn: () => void) => {
      tick = fn;
      return { unref() {} } as unknown as NodeJS.Timeout;
    }) as unknown as typeof setInterval,
    clearInterval: (() => {
      tick = null;
    }) as unknown as typeof clearInterval,
    advance(ms: number) {
      t += ms;
      tick?.();
    },
  };
}

describe('progress', () => {
  it('prints plain lines after 5 s and every 10 s when not a terminal', () => {
    const clock = fakeClock();
    const out: string[] = [];
    const p = startProgress('pdf', { isTTY: false, write: (t) => out.push(t), ...clock });
    clock.advance(4000);
    expect(out).toEqual([]);
    clock.advance(1000);
    clock.advance(10000);
    expect(out).toEqual(['pdf still running (5 s)\n', 'pdf still running (15 s)\n']);
    p.stop();
    clock.advance(20000);
    expect(out).toHaveLength(2);
  });
  it('keeps one live line on a terminal and clears it at the end', () => {
    const clock = fakeClock();
    const out: string[] = [];
    const p = startProgress('clean', { isTTY: true, write: (t) => out.push(t), ...clock });
    clock.advance(1500);
    expect(out.at(-1)).toBe('\r\x1b[Kclean running… 1.5 s');
    p.stop();
    expect(out.at(-1)).toBe('\r\x1b[K');
  });
});
