import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, runCli, workspace } from '../e2e/run-cli.ts';

/** An edit the reader sees but the clean files do not hold (a label) is a new edition. */
describe.runIf(CHROMIUM)('the edition follows what the reader gets', () => {
  const ws = workspace('basic');
  const args = ['--raw', ws.raw, '--clean', ws.clean, '--out', ws.out];
  afterAll(() => rmSync(ws.dir, { recursive: true, force: true }));

  it('a changed label makes a new edition whose PDF is the latest one', () => {
    const first = runCli(args);
    expect(first.code, first.stderr).toBe(0);
    const measures = path.join(ws.raw, 'measures.csv');
    const text = readFileSync(measures, 'utf8');
    expect(text).toContain('Coal cut in the record shift');
    writeFileSync(measures, text.replace('Coal cut in the record shift', 'Coal hewn in the record shift'));
    const second = runCli(args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('unchanged since edition');
    const editions = readdirSync(path.join(ws.out, 'editions')).sort();
    expect(editions).toHaveLength(2);
    const latest = readFileSync(path.join(ws.out, 'report.pdf'));
    const byNumber = editions.find(
      (id) =>
        (
          JSON.parse(readFileSync(path.join(ws.out, 'editions', id, 'manifest.json'), 'utf8')) as {
            sequence: number;
          }
        ).sequence === 2,
    )!;
    expect(readFileSync(path.join(ws.out, 'editions', byNumber, 'report.pdf')).equals(latest)).toBe(true);
    expect(readFileSync(path.join(ws.out, 'report.html'), 'utf8')).toContain('Coal hewn in the record shift');
  });
});
