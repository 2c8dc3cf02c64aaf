// The engine holds no word of a subject (DESIGN §1): the report's words live in report/, its data in
// data/raw. This greps pipeline/ and templates/ for the words of this repository's own subject.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORDS =
  /stakhanov|gulag|soviet|stalin|famine|holodomor|five-year|kulak|nkvd|ogpu|ussr|bolshevik|donbas|izotov|busygin|magnitogorsk|gosplan|udarnik/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('the engine', () => {
  it('holds no word of the subject in pipeline/ or templates/ (names and contents)', () => {
    const found: string[] = [];
    for (const file of [...files(path.join(ROOT, 'pipeline')), ...files(path.join(ROOT, 'templates'))]) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (WORDS.test(rel)) found.push(`${rel} (its name)`);
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = WORDS.exec(line);
          if (m) found.push(`${rel}:${i + 1}: ${m[0]}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('would notice one', () => {
    expect(WORDS.test('const t = "Gulag population";')).toBe(true);
    expect(WORDS.test('Five-Year Plan')).toBe(true);
  });
});
