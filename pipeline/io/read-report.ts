// Edge: the report folder's Markdown files, index.md first and then the chapters in file-name order.
import * as path from 'node:path';
import type { FileSystem } from '../core/effects.ts';
import type { ReportFile } from '../core/types.ts';

/** The label errors use for a report folder: its own name (`report`), whatever its location. */
export function reportLabel(dir: string): string {
  return path.basename(path.resolve(dir)) || 'report';
}

export async function readReportFolder(fs: FileSystem, dir: string): Promise<ReportFile[]> {
  const label = reportLabel(dir);
  const names = (await fs.readdir(dir))
    .filter((n) => n.endsWith('.md') && !n.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered = ['index.md', ...names.filter((n) => n !== 'index.md')];
  const files: ReportFile[] = [];
  for (const name of ordered) {
    const full = path.join(dir, name);
    const st = await fs.stat(full);
    // A folder or a broken link named *.md is not a chapter; index.md's absence is the config's error.
    if (!st?.isFile) continue;
    files.push({ name, ref: `${label}/${name}`, text: await fs.readText(full) });
  }
  return files;
}
