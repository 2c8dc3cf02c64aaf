// `npm run new -- DIR` (installed: `norma new DIR`): a new project in DIR, copied from the example in
// pipeline/cli/scaffold/project/, that builds as it is. The project appears whole or not at all, and nothing
// that is already there is ever overwritten.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileSystem } from '../../core/effects.ts';
import { nodeFileSystem } from '../../io/effects.ts';

export interface ScaffoldFile {
  /** Path inside the project, with `/`. */
  path: string;
  bytes: Uint8Array;
}

/**
 * Files whose real name a package cannot carry: npm pack leaves out every `.gitignore`, so the example
 * keeps it as `gitignore` and the project gets it under its real name.
 */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

export function projectPath(examplePath: string): string {
  return RENAMED[examplePath] ?? examplePath;
}

/** Edge: the example project's files, sorted by path. */
export async function readExample(fs: FileSystem, dir: string, rel = ''): Promise<ScaffoldFile[]> {
  const files: ScaffoldFile[] = [];
  for (const name of (await fs.readdir(path.join(dir, rel))).sort()) {
    const child = rel ? `${rel}/${name}` : name;
    const stat = await fs.stat(path.join(dir, child));
    if (stat?.isDirectory) files.push(...(await readExample(fs, dir, child)));
    else if (stat?.isFile)
      files.push({ path: projectPath(child), bytes: await fs.readFile(path.join(dir, child)) });
  }
  return files;
}

export type NewProjectResult =
  | { ok: true; files: string[] }
  | { ok: false; exitCode: 2 | 3; message: string };

/**
 * Writes the example into `target`, which must not exist or be an empty folder. The files are written
 * into a temp folder beside it, which is then renamed onto `target`: a rename onto a folder that is not
 * empty fails, so a file that appears meanwhile is never overwritten, and a kill leaves no half project.
 */
export async function newProject(
  fs: FileSystem,
  example: readonly ScaffoldFile[],
  target: string,
  shown: string,
): Promise<NewProjectResult> {
  const stat = await fs.stat(target);
  if (stat && !stat.isDirectory)
    return {
      ok: false,
      exitCode: 2,
      message: `"${shown}" is a file; pass a new folder: npm run new -- DIR.`,
    };
  if (stat && (await fs.readdir(target)).length > 0)
    return {
      ok: false,
      exitCode: 2,
      message: `"${shown}" is not empty; a new project goes into a new or empty folder, and nothing is overwritten.`,
    };
  const parent = path.dirname(target);
  await fs.mkdir(parent);
  const temp = path.join(parent, `.${path.basename(target)}.norma-new-${randomBytes(4).toString('hex')}`);
  try {
    for (const file of example) {
      const full = path.join(temp, ...file.path.split('/'));
      await fs.mkdir(path.dirname(full));
      await fs.writeAtomic(full, file.bytes);
    }
    // An empty target folder is replaced by the rename; one that is not empty makes it fail.
    await fs.rename(temp, target);
  } catch (error) {
    await fs.remove(temp).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR')
      return {
        ok: false,
        exitCode: 2,
        message: `"${shown}" filled up while the project was written; nothing was changed in it.`,
      };
    return {
      ok: false,
      exitCode: 3,
      message: `the project could not be written (${(error as Error).message}).`,
    };
  }
  return { ok: true, files: example.map((f) => f.path) };
}

const ROOT = process.env.NORMA_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const NEW_USAGE = `Usage: npm run new -- DIR   (installed: norma new DIR)

Starts a project in DIR (a new or empty folder): an invented example dataset in data/raw, a report in
report/index.md that uses every directive, norma.config.json and a GitHub workflow. It builds as it is:
  npm run report -- --project DIR`;

export async function main(argv: readonly string[], fs: FileSystem = nodeFileSystem): Promise<number> {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  if (argv.includes('--help')) {
    process.stdout.write(`${NEW_USAGE}\n`);
    return 0;
  }
  if (argv.length !== 1 || argv[0]!.startsWith('--') || argv[0] === '') {
    write(
      `norma new: ${argv.length === 0 ? 'name the folder of the new project' : 'takes one folder'}.\n${NEW_USAGE}`,
    );
    return 2;
  }
  const shown = argv[0]!;
  const target = path.resolve(process.cwd(), shown);
  const example = await readExample(fs, path.join(ROOT, 'pipeline/cli/scaffold/project'));
  const result = await newProject(fs, example, target, shown);
  if (!result.ok) {
    write(`norma new: ${result.message}`);
    return result.exitCode;
  }
  process.stdout.write(
    `Started a project in ${shown} (${result.files.length} files): an invented example to replace with your subject.\nBuild it: npm run report -- --project ${shown}   (installed: npx norma report --project ${shown})\n`,
  );
  return 0;
}

export function runFromCommandLine(argv: readonly string[]): Promise<void> {
  return main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runFromCommandLine(process.argv.slice(2));
}
