import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/run-cli.ts';
import { listFolder, readCsvRows, runCliAsync } from './cli-pool.ts';

/**
 * test/fixtures/bad/<case>/ is a raw folder that is valid but for one fault, with expected.json:
 * - exit: the exit code (0 for inputs that are valid, e.g. a header-only file);
 * - messages: substrings stderr must contain (refs, the offending text, the allowed values…);
 * - absent: substrings stderr must not contain (e.g. rejects past the console cap);
 * - rejects: the number of rows of <clean>/rejects.csv (absent file = 0);
 * - raw: a path inside the case folder to pass as --raw instead of the folder itself;
 * - args: extra command-line arguments.
 */
interface Expected {
  exit: 0 | 1 | 2;
  messages: string[];
  absent?: string[];
  rejects?: number;
  raw?: string;
  args?: string[];
}

const CORPUS = path.join(ROOT, 'test/fixtures/bad');
const cases = readdirSync(CORPUS)
  .filter((name) => !name.startsWith('.'))
  .sort()
  .map((name) => ({
    name,
    dir: path.join(CORPUS, name),
    expected: JSON.parse(readFileSync(path.join(CORPUS, name, 'expected.json'), 'utf8')) as Expected,
  }));

const temp = mkdtempSync(path.join(tmpdir(), 'norma-bad-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.concurrent('bad raw folders', () => {
  it('the corpus covers the cases of DESIGN.md section 6', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$name', async ({ name, dir, expected }) => {
    const clean = path.join(temp, name, 'clean');
    const out = path.join(temp, name, 'out');
    const raw = expected.raw ? path.join(dir, expected.raw) : dir;
    const run = await runCliAsync([
      '--raw',
      raw,
      '--clean',
      clean,
      '--out',
      out,
      '--to',
      'reconcile',
      ...(expected.args ?? []),
    ]);
    const context = `stderr of ${name}:\n${run.stderr}`;
    expect(run.code, context).toBe(expected.exit);
    for (const message of expected.messages) expect(run.stderr, context).toContain(message);
    for (const message of expected.absent ?? []) expect(run.stderr, context).not.toContain(message);
    // A person reads sentences, never a stack trace or an internal error.
    expect(run.stderr, context).not.toMatch(/^\s{4}at /m);
    expect(run.stderr, context).not.toContain('internal error');
    if (expected.rejects !== undefined) {
      const rows = readCsvRows(path.join(clean, 'rejects.csv'));
      expect(rows?.length ?? 0, context).toBe(expected.rejects);
    }
    if (expected.exit !== 0) {
      // A failed build touches nothing in the clean folder but rejects.csv.
      expect(
        listFolder(clean).filter((f) => f !== 'rejects.csv'),
        context,
      ).toEqual([]);
    }
    if (expected.exit === 2) expect(listFolder(clean)).toEqual([]);
    if (expected.exit === 0) expect(run.stderr).not.toMatch(/^norma: /m);

    // Split over worker threads (as big folders are), the run must say and leave exactly the same.
    const shardedClean = path.join(temp, name, 'sharded-clean');
    const sharded = await runCliAsync(
      [
        '--raw',
        raw,
        '--clean',
        shardedClean,
        '--out',
        path.join(temp, name, 'sharded-out'),
        '--to',
        'reconcile',
        ...(expected.args ?? []),
      ],
      { NORMA_SHARDS: '2' },
    );
    expect(sharded.code, `sharded ${context}`).toBe(run.code);
    expect(sharded.stderr.replaceAll(shardedClean, clean)).toBe(run.stderr);
    expect(listFolder(shardedClean)).toEqual(listFolder(clean));
    for (const file of listFolder(clean))
      expect(readFileSync(path.join(shardedClean, file), 'utf8'), `${name}: ${file}`).toBe(
        readFileSync(path.join(clean, file), 'utf8'),
      );
  });
});
