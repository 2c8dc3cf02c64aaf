import type { Effects } from './effects.ts';
import type { NormaConfig } from './types.ts';

export type Format = 'html' | 'pdf';
export type Paper = 'a4' | 'letter';

/** What every stage's I/O edge is handed by the runner. */
export interface StageContext {
  effects: Effects;
  /** Project root: templates/, norma.config.json, package.json. */
  root: string;
  rawDir: string;
  cleanDir: string;
  /** The report definition: index.md and its chapters (--report). */
  reportDir: string;
  outDir: string;
  /** `<out>/.norma`: intermediate files, cache manifest, lock, temp files. */
  workDir: string;
  config: NormaConfig;
  formats: Format[];
  paper: Paper;
  allowRejects: boolean;
  debug: boolean;
  /** The build date (SOURCE_DATE_EPOCH, else last commit, else today). */
  buildDate: Date;
}

/** File-system error codes the user fixes on the machine, not in the data: exit 3. */
export const ENVIRONMENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EMFILE',
  'EIO',
]);

/** An error the runner maps to an exit code and prints as a sentence (never a stack trace). */
export class NormaExit extends Error {
  constructor(
    readonly exitCode: 1 | 2 | 3,
    message: string,
  ) {
    super(message);
  }
}
