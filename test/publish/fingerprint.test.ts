import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSystem } from '../../pipeline/effects.ts';
import {
  collectFingerprintInputs,
  computeFingerprint,
  fingerprintBuild,
  shortHash,
} from '../../pipeline/publish/fingerprint.ts';

const ROOT = path.resolve('/project');

function project(extra: Record<string, string> = {}, cleanDir = 'data/clean') {
  return memoryFileSystem({
    [`${ROOT}/${cleanDir}/reconciled.csv`]: 'measure_id\ncoal\n',
    [`${ROOT}/${cleanDir}/audit.json`]: '[]',
    [`${ROOT}/templates/report.hbs`]: '<h1>{{title}}</h1>',
    [`${ROOT}/templates/print.css`]: '@page {}',
    [`${ROOT}/pipeline/html/render.ts`]: 'export {}',
    [`${ROOT}/pipeline/html/render.test.ts`]: 'test',
    [`${ROOT}/pipeline/publish/publish.ts`]: 'export {}',
    [`${ROOT}/package.json`]: JSON.stringify({ dependencies: { vega: '6.4.0', vitest: '4' } }),
    ...extra,
  });
}

const src = (cleanDir = 'data/clean', paper: 'a4' | 'letter' = 'a4') => ({
  root: ROOT,
  cleanDir: path.join(ROOT, cleanDir),
  configText: '{"title":"T"}',
  paper,
});

describe('fingerprint', () => {
  it('is stable: same inputs in any order give the same hash', () => {
    const a = [
      { path: 'x', content: '1' },
      { path: 'y', content: new Uint8Array([2]) },
    ];
    const fp = computeFingerprint(a, 'a4');
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(computeFingerprint([...a].reverse(), 'a4')).toBe(fp);
    expect(
      computeFingerprint(
        [
          { path: 'x', content: '1' },
          { path: 'y', content: '\u0002' },
        ],
        'a4',
      ),
    ).toBe(fp);
    expect(shortHash(fp)).toBe(fp.slice(0, 10));
  });

  it('changes with content, path framing and paper', () => {
    const base = computeFingerprint([{ path: 'x', content: 'ab' }], 'a4');
    expect(computeFingerprint([{ path: 'x', content: 'ac' }], 'a4')).not.toBe(base);
    expect(computeFingerprint([{ path: 'x', content: 'ab' }], 'letter')).not.toBe(base);
    expect(
      computeFingerprint(
        [
          { path: 'x', content: 'a' },
          { path: 'y', content: 'b' },
        ],
        'a4',
      ),
    ).not.toBe(
      computeFingerprint(
        [
          { path: 'x', content: 'ab' },
          { path: 'y', content: '' },
        ],
        'a4',
      ),
    );
  });

  it('reads clean data, templates, config and rendering code, not tests or publish code', async () => {
    const inputs = await collectFingerprintInputs(project(), src());
    expect(inputs.map((i) => i.path).sort()).toEqual([
      'clean/audit.json',
      'clean/reconciled.csv',
      'norma.config.json',
      'package.json#rendering',
      'pipeline/html/render.ts',
      'templates/print.css',
      'templates/report.hbs',
    ]);
  });

  it('does not depend on where the clean folder is, and follows every input', async () => {
    const fp = await fingerprintBuild(project(), src());
    expect(await fingerprintBuild(project({}, 'elsewhere/clean'), src('elsewhere/clean'))).toBe(fp);
    expect(await fingerprintBuild(project(), src('data/clean', 'letter'))).not.toBe(fp);
    expect(await fingerprintBuild(project({ [`${ROOT}/templates/print.css`]: 'x' }), src())).not.toBe(fp);
    expect(
      await fingerprintBuild(
        project({ [`${ROOT}/data/clean/reconciled.csv`]: 'measure_id\nsteel\n' }),
        src(),
      ),
    ).not.toBe(fp);
    // Publish code and tests do not change what the reader gets.
    expect(
      await fingerprintBuild(project({ [`${ROOT}/pipeline/publish/publish.ts`]: 'changed' }), src()),
    ).toBe(fp);
    expect(
      await fingerprintBuild(project({ [`${ROOT}/pipeline/html/render.test.ts`]: 'changed' }), src()),
    ).toBe(fp);
  });
});
