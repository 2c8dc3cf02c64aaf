import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../pipeline/core/types.ts';
import { auditJsonChunks } from '../../pipeline/io/audit-json.ts';
import { piecesText } from '../../pipeline/io/byte-writer.ts';

const entry = (i: number): AuditEntry => ({
  measure_id: `m-${i}`,
  period_start: '1937',
  period_end: '1937',
  method: 'median',
  used: [
    {
      ref: `observations/s.csv:${i + 2}`,
      source_id: 's',
      raw: 'about "1" million\n',
      value: 1_000_000 / 3,
      low: 1,
      high: 2,
      status: 'verified',
    },
  ],
  set_aside: [
    {
      ref: 'observations/t.csv:2',
      source_id: 't',
      raw: '=2',
      value: 2,
      low: 2,
      high: 2,
      status: 'unverified',
      reason: 'priority',
    },
  ],
  inputs: [],
  explanation: 'Median of 1 source — “quoted”.',
});

describe('auditJsonChunks', () => {
  it('writes JSON that parses back to the audit entries, in pieces', () => {
    const audit = Array.from({ length: 4500 }, (_, i) => entry(i));
    const chunks = [...auditJsonChunks(audit)];
    expect(chunks.length).toBeGreaterThan(1);
    const parsed = JSON.parse(piecesText(chunks)) as AuditEntry[];
    expect(parsed).toHaveLength(4500);
    expect(parsed[7]!.used[0]!.raw).toBe('about "1" million\n');
    expect(parsed[7]!.set_aside[0]!.reason).toBe('priority');
    expect(parsed[7]!.explanation).toBe('Median of 1 source — “quoted”.');
  });
  it('writes an empty audit as an empty array', () => {
    expect(piecesText(auditJsonChunks([]))).toBe('[]\n');
  });
});

describe('auditEntriesJson', () => {
  it('is the text auditJsonChunks writes between the brackets, for any split', async () => {
    const { auditEntriesJson } = await import('../../pipeline/io/audit-json.ts');
    const audit = Array.from({ length: 4500 }, (_, i) => entry(i));
    audit[3] = {
      ...entry(3),
      set_aside: [],
      inputs: [{ measure_id: 'a', period_start: '1', period_end: '2', value: Number.NaN }],
    };
    audit[4] = { ...entry(4), used: [], explanation: 'lone \ud800, tab\t, back\\slash, ctl\u0001' };
    const whole = piecesText(auditJsonChunks(audit));
    const between = (part: AuditEntry[]) => piecesText([auditEntriesJson(part)]);
    expect(`[\n${between(audit)}\n]\n`).toBe(whole);
    expect(`[\n${between(audit.slice(0, 1234))},\n${between(audit.slice(1234))}\n]\n`).toBe(whole);
    expect(between([])).toBe('');
    expect(between([audit[0]!])).toBe(whole.slice(2, whole.indexOf(',\n{"measure_id"')));
  });
  it('writes JSON.stringify text for every value, lone surrogates escaped', async () => {
    const { auditEntriesJson } = await import('../../pipeline/io/audit-json.ts');
    const odd = [
      'lone \ud800',
      '\udfff',
      'pair \ud83d\ude00',
      'q"b\\s',
      'c\u0000\u001f\n\r\t',
      '\u2028\u007f',
      '',
    ];
    const e = { ...entry(1), explanation: odd.join('|'), measure_id: odd[0]! };
    const text = piecesText([auditEntriesJson([e])]);
    expect(text).toContain(JSON.stringify(odd.join('|')));
    expect(text).toContain('"lone \\ud800"');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(e)));
  });
});
