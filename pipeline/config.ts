import * as path from 'node:path';
import { z } from 'zod';
import type { FileSystem } from './effects.ts';
import type { NormaConfig } from './types.ts';

const configSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().default(''),
  author: z.string().min(1),
  publisher: z.string().default(''),
  language: z.string().min(2).default('en'),
  // Where the reports are published, for the feed's absolute links. Empty (the default): links are
  // relative; CI passes NORMA_BASE_URL, derived from the repository (see withBaseUrlFromEnv).
  baseUrl: z.union([z.literal(''), z.string().url()]).default(''),
  essay: z.object({ title: z.string().min(1), author: z.string().default(''), year: z.string().default('') }),
});

export class ConfigError extends Error {}

/** Pure: config text in, config (or a sentence naming the bad field) out. */
export function parseConfig(text: string, file = 'norma.config.json'): NormaConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON (${(error as Error).message}); fix the file and rerun.`);
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
export function withBaseUrlFromEnv(config: NormaConfig, env: NodeJS.ProcessEnv): NormaConfig {
  const fromEnv = env.NORMA_BASE_URL?.trim();
  if (config.baseUrl || !fromEnv) return config;
  if (!/^https?:\/\/[^\s]+$/.test(fromEnv)) {
    throw new ConfigError(`NORMA_BASE_URL must be an http(s) URL (got "${fromEnv}").`);
  }
  return { ...config, baseUrl: fromEnv.replace(/\/?$/, '/') };
}

export async function loadConfig(
  fs: FileSystem,
  root: string,
): Promise<{ config: NormaConfig; text: string }> {
  const file = path.join(root, 'norma.config.json');
  let text: string;
  try {
    text = await fs.readText(file);
  } catch {
    throw new ConfigError(`norma.config.json is missing in ${root}; copy it from the repository and rerun.`);
  }
  return { config: parseConfig(text), text };
}
