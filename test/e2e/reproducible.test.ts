import { readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM, runCli, workspace } from './run-cli.ts';

describe.runIf(CHROMIUM)('reproducible builds', () => {
  const a = workspace('basic');
  const b = workspace('basic');
  afterAll(() => {
    rmSync(a.dir, { recursive: true, force: true });
    rmSync(b.dir, { recursive: true, force: true });
  });

  it('gives byte-identical HTML, PDF, index, feed and checksums in different folders at different times', async () => {
    const first = runCli(['--raw', a.raw, '--clean', a.clean, '--out', a.out], {
      SOURCE_DATE_EPOCH: '1700000000',
    });
    expect(first.code, first.stderr).toBe(0);
    await new Promise((r) => setTimeout(r, 1100)); // a different second on the clock
    const second = runCli(['--raw', b.raw, '--clean', b.clean, '--out', b.out], {
      SOURCE_DATE_EPOCH: '1700000000',
    });
    expect(second.code, second.stderr).toBe(0);
    for (const name of ['report.html', 'report.pdf', 'index.html', 'feed.xml', 'SHA256SUMS']) {
      const x = readFileSync(path.join(a.out, name));
      const y = readFileSync(path.join(b.out, name));
      expect(x.equals(y), `${name} differs between the two builds`).toBe(true);
    }
    expect(readdirSync(path.join(a.out, 'editions'))).toEqual(readdirSync(path.join(b.out, 'editions')));
  });

  it('writes no absolute path of the build machine into the outputs', () => {
    for (const name of ['report.html', 'index.html', 'feed.xml', 'SHA256SUMS']) {
      const text = readFileSync(path.join(a.out, name), 'utf8');
      expect(text).not.toContain(a.dir);
      expect(text).not.toContain('/tmp/');
    }
    const pdf = readFileSync(path.join(a.out, 'report.pdf')).toString('latin1');
    expect(pdf).not.toContain(a.dir);
  });
});
