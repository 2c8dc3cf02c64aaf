import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The report's HTML with the inlined font files elided: the rest is what a review should see change. */
export function htmlForGolden(file: string): string {
  return readFileSync(file, 'utf8').replace(/url\(data:font\/[^)]*\)/g, 'url(data:font/…)');
}

/**
 * The PDF's text, one line per text line with spacing collapsed: what the reader reads, compared
 * without depending on how a Chromium version spaces the columns.
 */
export function pdfTextForGolden(file: string): string {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return `${text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')}\n`;
}

/** The PDF's metadata a reader or a catalogue sees; sizes and producer versions are left out. */
export function pdfInfoForGolden(file: string): string {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const keep = [
    'Title',
    'Subject',
    'Keywords',
    'Author',
    'Creator',
    'CreationDate',
    'ModDate',
    'Tagged',
    'Pages',
    'Page size',
  ];
  return `${info
    .split('\n')
    .filter((l) => keep.includes(l.split(':')[0]!.trim()))
    .join('\n')}\n`;
}

export const GOLDEN_DIR = path.resolve(import.meta.dirname, '../fixtures/basic/expected');
