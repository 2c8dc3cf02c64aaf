import { execFileSync } from 'node:child_process';

/** Runs a poppler tool on a PDF and returns its stdout (poppler-utils is a dependency of the tests). */
export function poppler(tool: 'pdfinfo' | 'pdftotext' | 'pdffonts', file: string, ...args: string[]): string {
  const argv = tool === 'pdftotext' ? [...args, file, '-'] : [...args, file];
  return execFileSync(tool, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function hasPoppler(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `pdfinfo` output as a map (`Tagged` → `yes`). */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of poppler('pdfinfo', file).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

/** Rows of `pdffonts`: name, type and whether each font is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = poppler('pdffonts', file).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... encoding emb sub uni objectID gen: emb is the 5th column from the end.
    return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
  });
}
