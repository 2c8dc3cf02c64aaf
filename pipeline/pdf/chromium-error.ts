import { NormaExit } from '../stage.ts';
import { CHROMIUM_HINT } from './find-chromium.ts';

/** An environment error (exit 3): no Chromium, or one that would not start or kept crashing. */
export class ChromiumError extends NormaExit {
  constructor(
    message: string,
    readonly reason: 'not-found' | 'crashed',
  ) {
    super(3, message);
    this.name = 'ChromiumError';
  }
}

export function chromiumNotFound(env: NodeJS.ProcessEnv = process.env): ChromiumError {
  const explicit = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  const detail = explicit
    ? `PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, which is not an executable file`
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

export function chromiumCrashed(chromium: string, cause: unknown): ChromiumError {
  const why = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new ChromiumError(
    `Chromium (${chromium}) failed twice while printing the PDF (${why}); check that it starts (\`${chromium} --headless --version\`), or ${CHROMIUM_HINT}. Nothing new was published.`,
    'crashed',
  );
}
