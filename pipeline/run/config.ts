import * as path from 'node:path';
import { z } from 'zod';
import type { FileSystem } from '../core/effects.ts';
import { NormaExit } from '../core/stage.ts';
import type { NormaConfig } from '../core/types.ts';
import { reportLabel } from '../io/read-report.ts';
import { parseFrontMatter } from '../report/definition/front-matter.ts';

/** norma.config.json holds build settings only; the report's identity is the front matter of report/index.md. */
const configSchema = z
  .object({
    // Where the reports are published, for the feed's absolute links. Empty (the default): links are
    // relative; CI passes NORMA_BASE_URL, derived from the repository (see withBaseUrlFromEnv).
    baseUrl: z.union([z.literal(''), z.string().url()]).default(''),
    paper: z.enum(['a4', 'letter']).optional(),
    formats: z.array(z.enum(['html', 'pdf'])).optional(),
  })
  .strict();

/** Keys that moved to the front matter: a config that still has them says where they went. */
const MOVED = ['title', 'subtitle', 'author', 'publisher', 'language', 'essay'];

export class ConfigError extends Error {}

export type BuildSettings = z.infer<typeof configSchema>;

/** Pure: config text in, build settings (or a sentence naming the bad field) out. */
export function parseConfig(text: string, file = 'norma.config.json'): BuildSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON (${(error as Error).message}); fix the file and rerun.`);
  }
  if (json && typeof json === 'object') {
    const moved = MOVED.filter((k) => k in json);
    if (moved.length > 0)
      throw new ConfigError(
        `${file}: ${moved.join(', ')} ${moved.length === 1 ? 'belongs' : 'belong'} in the front matter of report/index.md now; move ${moved.length === 1 ? 'it' : 'them'} there.`,
      );
  }
  const result = configSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`${file} is not a valid norma config: ${issues}.`);
  }
  const { baseUrl } = result.data;
  return { ...result.data, baseUrl: baseUrl ? baseUrl.replace(/\/?$/, '/') : '' };
}

/**
 * A config that leaves `baseUrl` empty takes NORMA_BASE_URL from the environment (the workflow sets it
 * to https://OWNER.github.io/REPO/); one that names a base URL keeps it.
 */
export function withBaseUrlFromEnv<T extends { baseUrl: string }>(config: T, env: NodeJS.ProcessEnv): T {
  const fromEnv = env.NORMA_BASE_URL?.trim();
  if (config.baseUrl || !fromEnv) return config;
  if (!/^https?:\/\/[^\s]+$/.test(fromEnv)) {
    throw new ConfigError(`NORMA_BASE_URL must be an http(s) URL (got "${fromEnv}").`);
  }
  return { ...config, baseUrl: fromEnv.replace(/\/?$/, '/') };
}

/**
 * Edge: the build settings of norma.config.json and the identity from `<reportDir>/index.md`.
 * `text` (hashed into every stage's cache key) is the config file only: the report's files are inputs
 * of the charts and html stages, so editing a paragraph does not rerun the data stages.
 */
export async function loadConfig(
  fs: FileSystem,
  root: string,
  reportDir: string = path.join(root, 'report'),
  reportArg = 'report',
): Promise<{ config: NormaConfig; text: string }> {
  const file = path.join(root, 'norma.config.json');
  let text: string;
  try {
    text = await fs.readText(file);
  } catch {
    throw new ConfigError(`norma.config.json is missing in ${root}; copy it from the repository and rerun.`);
  }
  const settings = parseConfig(text);
  const stat = await fs.stat(reportDir);
  if (!stat?.isDirectory)
    throw new NormaExit(
      2,
      `the report folder "${reportArg}" ${stat ? 'is not a folder' : 'does not exist'}; give --report DIR (index.md and chapters) or create it.`,
    );
  const indexRef = `${reportLabel(reportDir)}/index.md`;
  let index: string;
  try {
    index = await fs.readText(path.join(reportDir, 'index.md'));
  } catch {
    throw new ConfigError(
      `${indexRef} is missing; the report needs an index.md with a front matter (at least a title).`,
    );
  }
  const parsed = parseFrontMatter(index, indexRef);
  if (!parsed.ok) throw new ConfigError(parsed.errors.join('\n'));
  return { config: { ...parsed.identity, baseUrl: settings.baseUrl }, text };
}
