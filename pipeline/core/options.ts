// What a run is asked to do: the command line, parsed (cli/args.ts), or a test.
import type { Format, Paper } from './stage.ts';
import type { StageName } from './types.ts';

export interface Options {
  /** The project folder: the other folders and norma.config.json default to its parts. */
  project: string;
  raw: string;
  clean: string;
  /** The report definition: index.md and its chapters. */
  report: string;
  out: string;
  formats: Format[];
  stage: StageName | null;
  to: StageName | null;
  force: boolean;
  check: boolean;
  allowRejects: boolean;
  paper: Paper;
  debug: boolean;
  help: boolean;
  /** `npm run validate`: a compact summary after the data stages. */
  validate: boolean;
}
