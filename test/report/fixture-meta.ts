// The ReportMeta the report tests use: a second edition with one row added, one removed, one changed.
import type { ReportMeta } from '../../pipeline/report/html/render-report.ts';
import { buildFixture } from './fixture.ts';

export function fixtureMeta(paper: 'a4' | 'letter' = 'a4', withChanges = true): ReportMeta {
  const data = buildFixture();
  const steel = data.reconciled.find((r) => r.measure_id === 'output.steel' && r.period_start === '1937')!;
  const coal = data.reconciled.find((r) => r.measure_id === 'output.coal' && r.period_start === '1937')!;
  return {
    date: '2025-11-27',
    edition: '2025-11-27.2',
    fingerprint: 'a1b2c3d4e5f6',
    paper,
    changes: withChanges
      ? {
          previousEdition: '2025-11-20.1',
          added: [steel],
          removed: [{ ...steel, measure_id: 'output.steel-old', value: 17.5, low: 17.5, high: 17.5 }],
          changed: [
            { before: { ...coal, value: 127, low: 127, high: 127, agreement: 'single' }, after: coal },
          ],
        }
      : null,
  };
}
