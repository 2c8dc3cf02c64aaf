import { NormaExit } from '../../core/stage.ts';
import { CHROMIUM_HINT } from './find-chromium.ts';

/** An environment error (exit 3): no Chromium, or one that would not start or kept crashing. */
export class ChromiumError extends NormaExit {
  constructor(
    message: string,
    readonly reason: 'not-found' | 'crashed' | 'hung',
  ) {
    super(3, message);
    this.name = 'ChromiumError';
  }
}

export function chromiumNotFound(
  env: NodeJS.ProcessEnv = process.env,
  isFolder: (file: string) => boolean = () => false,
): ChromiumError {
  const explicit = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  const detail = explicit
    ? isFolder(explicit)
      ? `PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, which is a folder, not the browser's executable file (point it at the chrome or chromium binary inside)`
      : `PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, which is not an executable file`
    : 'Chromium was not found (looked in PUPPETEER_EXECUTABLE_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /snap/bin/chromium and puppeteer’s cache)';
  return new ChromiumError(`${detail}; ${CHROMIUM_HINT}.`, 'not-found');
}

/** The given browser path (from findChromium or the caller) is not an executable file. */
export function chromiumNotFoundAt(chromium: string): ChromiumError {
  return new ChromiumError(
    `Chromium was not found at ${chromium} (not an executable file); ${CHROMIUM_HINT}.`,
    'not-found',
  );
}

/** A browser step that did not finish in its time (a Chromium that never answers). */
export function chromiumHung(chromium: string, step: string, ms: number): ChromiumError {
  return new ChromiumError(
    `Chromium (${chromium}) did not answer within ${Math.round(ms / 1000)} s while ${step}, so it was stopped; check that it starts (\`${chromium} --headless --version\`), or ${CHROMIUM_HINT}. Nothing new was published.`,
    'hung',
  );
}

export function chromiumCrashed(chromium: string, cause: unknown): ChromiumError {
  const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new ChromiumError(
    `Chromium (${chromium}) failed twice while printing the PDF (${why}); check that it starts (\`${chromium} --headless --version\`), or ${CHROMIUM_HINT}. Nothing new was published.`,
    'crashed',
  );
}
