// The reconcile stage writes its arithmetic for an audit (`One source (conquest-1968): 20000000 persons.`);
// the Methods appendix prints it for a reader: figures in the report's number formatting, sources by their
// short citation, measures by their label (`One source (Conquest 1968): 20 million.`). Pure.
import { formatNumberText, formatQuantity, formatRange, unitSuffixes } from '../../core/format-quantity.ts';

export interface ExplanationNames {
  /** Source id → short citation (`zemskov-1991` → `Zemskov 1991`). */
  sources: ReadonlyMap<string, string>;
  /** Measure id → label. */
  measures: ReadonlyMap<string, string>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUM = String.raw`\d+(?:\.\d+)?`;
// A number stands alone: not part of an id or a word (`maddison-2020`, `1/12`).
const BEFORE = String.raw`(?<![\p{L}\d.,_/-])`;

function idPattern(ids: Iterable<string>): RegExp | null {
  const list = [...ids].filter((id) => id !== '').sort((a, b) => b.length - a.length);
  if (list.length === 0) return null;
  return new RegExp(String.raw`(?<![\p{L}\d_.-])(?:${list.map(escapeRe).join('|')})(?![\p{L}\d_-])`, 'gu');
}

/** The audit's explanation (or a set-aside reason) as plain words and formatted figures. */
export function readableExplanation(text: string, names: ExplanationNames): string {
  const suffixes = unitSuffixes().sort((a, b) => b.text.length - a.text.length);
  const unitOf = new Map(suffixes.map((s) => [s.text, s.unit]));
  const unitAlt = suffixes.map((s) => escapeRe(s.text)).join('|');
  const AFTER = String.raw`(?![\p{L}\d])`;
  let out = text
    // "Priority archival>scholarly>popular:" is the ranking of kinds of source the rule applied.
    .replace(
      /\bPriority ([a-z]+(?:>[a-z]+)+):/g,
      (_, kinds: string) => `Sources ranked by kind (${kinds.split('>').join(', then ')}):`,
    )
    .replace(/priority:([a-z]+(?:>[a-z]+)+):\s*/g, '')
    .replace(/\bvalue\(s\)/g, 'values');
  // Ranges first (`950000–1200000 persons`), then single figures with a unit, then long bare numbers.
  out = out.replace(
    new RegExp(String.raw`${BEFORE}(${NUM})\s?[–-]\s?(${NUM}) ?(${unitAlt})${AFTER}`, 'gu'),
    (_, low: string, high: string, unit: string) => formatRange(Number(low), Number(high), unitOf.get(unit)!),
  );
  out = out.replace(
    new RegExp(`${BEFORE}(−?${NUM}) ?(${unitAlt})${AFTER}`, 'gu'),
    (_, n: string, unit: string) => formatQuantity(Number(n.replace('−', '-')), unitOf.get(unit)!),
  );
  out = out.replace(
    new RegExp(String.raw`${BEFORE}(\d{5,}(?:\.\d+)?|\d+\.\d{4,})(?![\d\p{L}])`, 'gu'),
    (n: string) => formatNumberText(Number(n)),
  );
  const sources = idPattern(names.sources.keys());
  if (sources) out = out.replace(sources, (id) => names.sources.get(id) ?? id);
  const measures = idPattern(names.measures.keys());
  if (measures) out = out.replace(measures, (id) => names.measures.get(id) ?? id);
  // `(Zemskov 1991 102, Siegelbaum 1988 102 t)`: a source's figure after its citation, with a colon.
  for (const cite of names.sources.values()) {
    out = out.replace(new RegExp(`${escapeRe(cite)} (?=[−\\d])`, 'g'), `${cite}: `);
  }
  return out;
}
