import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSystem } from '../../pipeline/io/effects.ts';
import {
  collectFingerprintInputs,
  computeFingerprint,
  fingerprintBuild,
  shortHash,
  withoutImports,
} from '../../pipeline/report/publish/fingerprint.ts';

const ROOT = path.resolve('/project');

function project(extra: Record<string, string> = {}, cleanDir = 'data/clean') {
  return memoryFileSystem({
    [`${ROOT}/${cleanDir}/reconciled.csv`]: 'measure_id\ncoal\n',
    [`${ROOT}/${cleanDir}/audit.json`]: '[]',
    [`${ROOT}/templates/report.hbs`]: '<h1>{{title}}</h1>',
    [`${ROOT}/templates/print.css`]: '@page {}',
    [`${ROOT}/pipeline/report/html/render.ts`]: 'export {}',
    [`${ROOT}/pipeline/report/pdf/print.ts`]: 'export const print = 1;',
    [`${ROOT}/pipeline/report/pdf/print.test.ts`]: 'test',
    [`${ROOT}/pipeline/report/publish/publish.ts`]: 'export {}',
    [`${ROOT}/package.json`]: JSON.stringify({ dependencies: { vega: '6.4.0', vitest: '4' } }),
    ...extra,
  });
}

const src = (cleanDir = 'data/clean', paper: 'a4' | 'letter' = 'a4') => ({
  root: ROOT,
  cleanDir: path.join(ROOT, cleanDir),
  configText: '{"title":"T"}',
  reportHtml: '<td>Coal mined in one shift</td>',
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

  it('reads the report, the clean data, the config and the print code, not tests or other code', async () => {
    const inputs = await collectFingerprintInputs(project(), src());
    const names = inputs.map((i) => i.path).sort();
    expect(names.filter((n) => !n.startsWith('print-code/'))).toEqual([
      'clean/audit.json',
      'clean/reconciled.csv',
      'norma.config.json',
      'package.json#print',
      'report.html',
    ]);
    // The print code by content, never by path.
    expect(names.filter((n) => n.startsWith('print-code/'))).toHaveLength(1);
    expect(names.join('\n')).not.toContain('pipeline/');
  });

  it('does not depend on where the clean folder is, and follows every input', async () => {
    const fp = await fingerprintBuild(project(), src());
    expect(await fingerprintBuild(project({}, 'elsewhere/clean'), src('elsewhere/clean'))).toBe(fp);
    expect(await fingerprintBuild(project(), src('data/clean', 'letter'))).not.toBe(fp);
    expect(
      await fingerprintBuild(
        project({ [`${ROOT}/data/clean/reconciled.csv`]: 'measure_id\nsteel\n' }),
        src(),
      ),
    ).not.toBe(fp);
    expect(
      await fingerprintBuild(project({ [`${ROOT}/pipeline/report/pdf/print.ts`]: 'changed' }), src()),
    ).not.toBe(fp);
    // Code that does not print, templates and tests count only through the report's bytes.
    expect(
      await fingerprintBuild(project({ [`${ROOT}/pipeline/report/publish/publish.ts`]: 'changed' }), src()),
    ).toBe(fp);
    expect(await fingerprintBuild(project({ [`${ROOT}/templates/print.css`]: 'x' }), src())).toBe(fp);
    expect(
      await fingerprintBuild(project({ [`${ROOT}/pipeline/report/pdf/print.test.ts`]: 'changed' }), src()),
    ).toBe(fp);
  });

  it('follows every byte the reader gets: a label, a definition or a source title changes it', async () => {
    const fp = await fingerprintBuild(project(), src());
    const edited = { ...src(), reportHtml: '<td>Coal mined in one shift, tonnes</td>' };
    expect(await fingerprintBuild(project(), edited)).not.toBe(fp);
  });

  it('does not follow where the engine keeps its files: moving the print code mints nothing', async () => {
    const moved = project();
    moved.files.delete(path.join(ROOT, 'pipeline/report/pdf/print.ts'));
    moved.files.set(
      path.join(ROOT, 'pipeline/report/pdf/sub/printing.ts'),
      Buffer.from('export const print = 1;'),
    );
    expect(await fingerprintBuild(moved, src())).toBe(await fingerprintBuild(project(), src()));
  });

  it('does not follow the import lines a move rewrites and reorders, but follows the code', async () => {
    const before =
      "import { a } from '../effects.ts';\nimport type { B } from './b.ts';\n\nexport const print = a;\n";
    const after =
      "import type { B } from './b.ts';\nimport {\n  a,\n} from '../../io/effects.ts';\nexport const print = a;\n";
    const at = (code: string) => project({ [`${ROOT}/pipeline/report/pdf/print.ts`]: code });
    const fp = await fingerprintBuild(at(before), src());
    expect(await fingerprintBuild(at(after), src())).toBe(fp);
    expect(await fingerprintBuild(at(after.replace('= a', '= a + 1')), src())).not.toBe(fp);
    expect(withoutImports(before)).toBe('export const print = a;\n');
    expect(withoutImports("export { x } from './x.ts';\nconst y = 'from';\n")).toBe("const y = 'from';\n");
  });
});
