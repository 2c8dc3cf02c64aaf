import { describe, expect, it } from 'vitest';
import { RECONCILED_COLUMNS, toCsv } from '../../pipeline/io/write-csv.ts';
import {
  computeChanges,
  describeChanges,
  parseReconciledCsv,
  summariseChangeSet,
} from '../../pipeline/report/publish/changes.ts';
import { reconciledRow } from '../reconcile/fixtures.ts';

const row = reconciledRow;

describe('computeChanges', () => {
  it('is null without a previous edition', () => {
    expect(computeChanges(null, [row('x', '1935', 1)], null)).toBeNull();
  });

  it('lists exactly the added, removed and changed figures', () => {
    const previous = [
      row('coal', '1935', 102),
      row('coal', '1936', 200),
      row('gulag', '1937', 1_000_000, { low: 900_000, high: 1_100_000 }),
      row('steel', '1937', 17.7, { sources: ['a', 'b'], agreement: 'consistent' }),
      row('kept', '1930', 5),
      row('gone', '1933', 7),
    ];
    const current = [
      row('coal', '1935', 102), // same
      row('coal', '1936', 201), // value changed
      row('gulag', '1937', 1_000_000, { low: 950_000, high: 1_100_000 }), // low changed
      row('steel', '1937', 17.7, { sources: ['b', 'a'], agreement: 'contested' }), // agreement changed
      row('kept', '1930', 5, { method: 'priority:archival', n_sources: 3, outliers: ['z'] }), // not a figure change
      row('new', '1940', 3),
      row('coal', '1935', 1, { period_end: '1937' }), // new period span: added
    ];
    const changes = computeChanges(previous, current, '2024-01-01-abcdef0123')!;
    expect(changes.previousEdition).toBe('2024-01-01-abcdef0123');
    expect(changes.added.map((r) => `${r.measure_id}@${r.period_start}-${r.period_end}`)).toEqual([
      'coal@1935-1937',
      'new@1940-1940',
    ]);
    expect(changes.removed.map((r) => r.measure_id)).toEqual(['gone']);
    expect(changes.changed.map((c) => `${c.after.measure_id}@${c.after.period_start}`)).toEqual([
      'coal@1936',
      'gulag@1937',
      'steel@1937',
    ]);
    expect(changes.changed[0]!.before.value).toBe(200);
    expect(changes.changed[0]!.after.value).toBe(201);
    expect(summariseChangeSet(changes)).toEqual({ added: 2, removed: 1, changed: 3 });
  });

  it('treats source order as no change and sub-6-decimal noise as equal', () => {
    const a = [row('m', '1937', 14.5833333333, { sources: ['a', 'b'] })];
    const b = [row('m', '1937', 14.583333, { sources: ['b', 'a'] })];
    expect(computeChanges(a, b, 'e')).toEqual({ previousEdition: 'e', added: [], removed: [], changed: [] });
  });

  it('detects a change in sources', () => {
    const changes = computeChanges(
      [row('m', '1937', 1)],
      [row('m', '1937', 1, { sources: ['a', 'c'] })],
      'e',
    )!;
    expect(changes.changed).toHaveLength(1);
  });
});

describe('describeChanges', () => {
  it('summarises for the index and feed', () => {
    expect(describeChanges(null)).toBe('First edition');
    expect(describeChanges({ added: 1, removed: 0, changed: 3 })).toBe('3 figures changed, 1 added');
    expect(describeChanges({ added: 1, removed: 0, changed: 0 })).toBe('1 figure added');
    expect(describeChanges({ added: 0, removed: 2, changed: 1 })).toBe('1 figure changed, 2 removed');
    expect(describeChanges({ added: 0, removed: 0, changed: 0 })).toBe('No figures changed');
  });
});

describe('parseReconciledCsv', () => {
  it('reads back what write-csv writes', () => {
    const rows = [
      row('coal', '1935', 102, {
        sources: ['a', 'b'],
        outliers: ['b'],
        agreement: 'contested',
        n_sources: 2,
      }),
      row('gulag', '1933', 14.583333, { low: 10, high: 20, unverified: 1, method: 'ratio:a/b' }),
    ];
    const csv = toCsv(RECONCILED_COLUMNS, rows);
    expect(parseReconciledCsv(csv)).toEqual(rows);
    expect(computeChanges(parseReconciledCsv(csv), rows, 'e')!.changed).toEqual([]);
  });

  it('reads a header-only file as no rows and rejects a file without the key columns', () => {
    expect(parseReconciledCsv(`${RECONCILED_COLUMNS.join(',')}\n`)).toEqual([]);
    expect(() => parseReconciledCsv('a,b\n1,2\n')).toThrow(/measure_id/);
  });
});
