import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capCell, REJECT_CELL_LIMIT } from '../../pipeline/core/cap-reject.ts';
import { rejectRows } from '../../pipeline/data/clean/reject-rows.ts';
import { ROOT } from '../e2e/run-cli.ts';
import { runCliAsync } from './cli-pool.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'norma-cap-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('capCell', () => {
  it('keeps short cells whole and cuts long ones to a prefix with their length', () => {
    expect(capCell('x'.repeat(REJECT_CELL_LIMIT))).toBe('x'.repeat(REJECT_CELL_LIMIT));
    const cut = capCell('y'.repeat(5000));
    expect(cut).toBe(
      `${'y'.repeat(200)}… [cut: 5000 characters in all; the whole is at the ref in the raw file]`,
    );
  });
  it('never cuts a character in two', () => {
    const cut = capCell(`${'a'.repeat(199)}${'😀'.repeat(1000)}`);
    expect(cut.startsWith(`${'a'.repeat(199)}…`)).toBe(true);
  });
});

describe('rejectRows', () => {
  it('caps the raw cell and the reason that quotes it', () => {
    const huge = `5 ${'9x'.repeat(5_000_000)}`;
    const rows = rejectRows(
      [],
      [{ ref: 'observations/a.csv:2', raw: huge, reason: `"${huge}" is not a number` }],
    );
    expect(rows[0]!.raw.length).toBeLessThan(400);
    expect(rows[0]!.raw).toContain(`${huge.length} characters in all`);
    expect(rows[0]!.reason.length).toBeLessThan(400);
  });
});

describe('a rejected huge value', () => {
  it('makes a small rejects.csv and a short console', async () => {
    const raw = path.join(temp, 'raw');
    cpSync(path.join(ROOT, 'test/fixtures/basic/raw'), raw, { recursive: true });
    const obs = path.join(raw, 'observations', 'siegelbaum-1988.csv');
    // A quote inside the value: the console's quote shortening alone cannot cut it.
    const value = `"7 ""${'t'.repeat(5_000_000)}"""`;
    writeFileSync(obs, `${readFileSync(obs, 'utf8')}record.norm-tonnes,1936,${value},,,,\n`);
    const clean = path.join(temp, 'clean');
    const run = await runCliAsync([
      '--raw',
      raw,
      '--clean',
      clean,
      '--out',
      path.join(temp, 'out'),
      '--to',
      'reconcile',
    ]);
    expect(run.code, run.stderr.slice(0, 2000)).toBe(1);
    expect(run.stderr).toContain('siegelbaum-1988.csv:');
    expect(run.stderr.length).toBeLessThan(5000);
    expect(statSync(path.join(clean, 'rejects.csv')).size).toBeLessThan(2000);
    expect(readFileSync(path.join(clean, 'rejects.csv'), 'utf8')).toContain('characters in all');
  });
});
