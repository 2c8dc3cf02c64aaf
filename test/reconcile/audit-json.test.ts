import { describe, expect, it } from 'vitest';
import { auditJsonChunks } from '../../pipeline/reconcile/audit-json.ts';
import type { AuditEntry } from '../../pipeline/types.ts';

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
    const parsed = JSON.parse(chunks.join('')) as AuditEntry[];
    expect(parsed).toHaveLength(4500);
    expect(parsed[7]!.used[0]!.raw).toBe('about "1" million\n');
    expect(parsed[7]!.set_aside[0]!.reason).toBe('priority');
    expect(parsed[7]!.explanation).toBe('Median of 1 source — “quoted”.');
  });
  it('writes an empty audit as an empty array', () => {
    expect(JSON.parse([...auditJsonChunks([])].join(''))).toEqual([]);
  });
});
