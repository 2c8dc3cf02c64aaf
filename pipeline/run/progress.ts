/**
 * Progress for long stages: on a terminal, one live line with the elapsed time; elsewhere (CI logs),
 * a plain line after a few seconds and then every ten, so a log shows the build is alive.
 */
export interface Progress {
  stop(): void;
}

export interface ProgressOptions {
  isTTY: boolean;
  write: (text: string) => void;
  /** Milliseconds; injectable for tests. */
  firstLineAfter?: number;
  every?: number;
  setInterval?: typeof setInterval;
  clearInterval?: typeof clearInterval;
  now?: () => number;
}

export function startProgress(label: string, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const set = options.setInterval ?? setInterval;
  const clear = options.clearInterval ?? clearInterval;
  const seconds = () => ((now() - started) / 1000).toFixed(1);
  if (options.isTTY) {
    const timer = set(() => options.write(`\r\x1b[K${label} running… ${seconds()} s`), 250);
    timer.unref?.();
    return {
      stop() {
        clear(timer);
        options.write('\r\x1b[K');
      },
    };
  }
  const first = options.firstLineAfter ?? 5000;
  const every = options.every ?? 10000;
  let next = first;
  const timer = set(() => {
    const elapsed = now() - started;
    if (elapsed >= next) {
      options.write(`${label} still running (${Math.round(elapsed / 1000)} s)\n`);
      // A long synchronous step delays the timer: count the next line from now, not from the last.
      next = elapsed + every;
    }
  }, 1000);
  timer.unref?.();
  return { stop: () => clear(timer) };
}
