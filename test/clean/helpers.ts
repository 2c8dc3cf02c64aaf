import type { IngestResult, RawFile, RawFileKind, RawRecord } from '../../pipeline/core/types.ts';

/**
 * A stand-in for ingest in tests: files as simple CSV text (no quoted commas; use `|` for a comma
 * inside a cell). Lines are numbered as ingest does (header = 1; blank and `#` lines count but vanish).
 */
export function ingestOf(files: Record<string, string>): IngestResult {
  const out: RawFile[] = [];
  for (const [path, text] of Object.entries(files)) {
    const lines = text.replace(/^\n/, '').split('\n');
    const columns = lines[0]!.split(',').map((c) => c.trim().toLowerCase());
    const records: RawRecord[] = [];
    lines.slice(1).forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const cells: Record<string, string> = {};
      line.split(',').forEach((cell, k) => {
        cells[columns[k]!] = cell.replaceAll('|', ',').trim();
      });
      records.push({ ref: `${path}:${i + 2}`, line: i + 2, cells });
    });
    out.push({ path, kind: kindOf(path), columns, records });
  }
  return { files: out, problems: [] };
}

function kindOf(path: string): RawFileKind {
  if (path.startsWith('observations/')) return 'observations';
  return path.replace('.csv', '') as RawFileKind;
}

export const SOURCES = `source_id,author,title,year,kind,locale
zemskov-1991,Zemskov,Gulag,1991,archival,ru
wheatcroft-1996,Wheatcroft,Scale,1996,scholarly,
annales-1936,Annales,Report,c. 1936,memoir,fr
`;

export const MEASURES = `measure_id,label,unit,definition,method,tolerance
gulag-pop.camps,Camps,persons,ITL on 1 Jan,,
output.coal,Coal,Mt,Coal output,median,0.05
record.stakhanov-tonnes,Record,t,Coal in the shift,,
record.norm-tonnes,Norm,t,Shift norm,,
record.stakhanov-multiple,Multiple,multiple,Record / norm,ratio:record.stakhanov-tonnes/record.norm-tonnes,
growth.rate,Rate,percent_per_year,Growth,cagr:growth.multiple@1928/1940,
growth.multiple,Multiple,multiple,Growth,priority:official>scholarly,
`;
