import { describe, expect, it } from 'vitest';
import type { Observation } from '../../pipeline/core/types.ts';
import { piecesText } from '../../pipeline/io/byte-writer.ts';
import {
  type ObservationExtras,
  observationExtra,
  observationExtras,
  readObservationsCsv,
} from '../../pipeline/io/staged-observations.ts';
import { observationCsvChunks } from '../../pipeline/io/write-csv.ts';

function obs(over: Partial<Observation>): Observation {
  return {
    source_id: 'src-a',
    measure_id: 'm-1',
    period_start: '1937',
    period_end: '1937',
    value: 5,
    low: 5,
    high: 5,
    unit: 't',
    qualifier: 'exact',
    status: 'verified',
    page: '12',
    raw: '5 t',
    ref: 'observations/src-a.csv:2',
    note: '',
    ...over,
  };
}

describe('staged observations', () => {
  it('read back exactly, through observations.csv and its extras', () => {
    const third = 1 / 3;
    const rows = [
      obs({}),
      obs({ value: third, low: third, high: third, raw: 'a third' }),
      obs({ value: 2.5, low: 2, high: 1e21 + 1, qualifier: 'range', raw: '=2-3' }),
      obs({ value: 7, low: 7, high: 7.1234567, raw: "'quoted", page: "'p" }),
      obs({ value: -0, low: -0, high: -0, raw: '-0', status: 'unverified' }),
    ];
    // The extras as the clean stage gathers them, while it writes the file.
    const extras: ObservationExtras = [];
    const text = piecesText(
      observationCsvChunks(rows, (o, i) => {
        const extra = observationExtra(o);
        if (extra) extras.push([i, extra]);
      }),
    );
    expect(extras).toEqual(observationExtras(rows));
    expect(extras.map(([i]) => i)).toEqual([1, 3, 4]);
    const back = readObservationsCsv(text, extras);
    expect(back).toEqual(rows);
    for (let i = 0; i < rows.length; i++) {
      for (const k of ['value', 'low', 'high'] as const)
        expect(Object.is(back[i]![k], rows[i]![k])).toBe(true);
    }
  });

  it('needs no extras for figures that print exactly', () => {
    expect(observationExtras([obs({}), obs({ value: 14.583333, low: 14.583333, high: 20 })])).toEqual([]);
  });
});
