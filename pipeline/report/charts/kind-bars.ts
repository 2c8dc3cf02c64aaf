// The `bars` kind: one bar per measure (for `period="…"`, or each of its periods), its length the
// reconciled value, a ring for each source figure that differs from it, and the figure printed in a
// column of its own. One panel per unit (one quantity per axis, each on its own scale). With
// `pair="A:B"` the measures are matched in pairs (e.g. a target and its outcome): `as="percent"` draws
// the second as a percentage of the first against a labelled 100 % line, `as="side"` the two side by side.
import type { TopLevelSpec } from 'vega-lite';
import { formatNumberText, formatQuantity } from '../../core/format-quantity.ts';
import type { ReconciledRow, ReportData } from '../../core/types.ts';
import { type ChartSpec, measureLabel, samePeriod, sourceIdsOf } from './chart-data.ts';
import {
  axisTitle,
  FONT_PX,
  figureRange,
  figureText,
  inMillions,
  type KindRequest,
  labelColumnWidth,
  matchedRows,
  type OptionSpec,
  observationsOf,
  panelTitle,
  quantityAxis,
  TARGET_WIDTH_PX,
  UNITS_OPTION,
  wrapLabel,
  wrapText,
} from './kind-common.ts';
import { ACCENT, INK, PALETTE } from './theme.ts';

/** A pair rule: `target:outcome` (id parts) or `a.*:b.*|c.*` (patterns, the second with alternatives). */
export interface PairRule {
  from: string;
  to: string[];
}

export function parsePair(text: string): PairRule | string {
  const [from, to, ...rest] = text.split(':');
  if (!from || !to || rest.length > 0)
    return `pair="${text}" must be FIRST:SECOND (e.g. pair="target:outcome")`;
  const alts = to.split('|').filter((t) => t !== '');
  const stars = (s: string) => (s.match(/\*/g) ?? []).length;
  if (stars(from) > 1 || alts.some((a) => stars(a) !== stars(from))) {
    return `pair="${text}": both sides need the same single * (e.g. pair="x.*:y.*"), or none (id parts)`;
  }
  return { from, to: alts };
}

/** The id a measure pairs with under `rule`, among `ids`; null when it is not a first of a pair or has none. */
export function partnerOf(id: string, rule: PairRule, ids: Set<string>): string | null {
  const candidates: string[] = [];
  if (rule.from.includes('*')) {
    const re = new RegExp(`^${rule.from.split('*').map(escapeRe).join('(.*)')}$`);
    const m = re.exec(id);
    if (!m) return null;
    for (const t of rule.to) candidates.push(t.replace('*', m[1] ?? ''));
  } else {
    const parts = id.split('.');
    const at = parts.indexOf(rule.from);
    if (at < 0) return null;
    for (const t of rule.to) candidates.push([...parts.slice(0, at), t, ...parts.slice(at + 1)].join('.'));
  }
  return candidates.find((c) => ids.has(c)) ?? null;
}

function escapeRe(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export const BARS_OPTIONS: readonly OptionSpec[] = [
  UNITS_OPTION,
  {
    name: 'pair',
    help: 'match measures in pairs: `FIRST:SECOND` replaces the id part FIRST by SECOND (`pair="target:outcome"`), or patterns with one `*` (`pair="a.*:b.*|c.*"`, the first existing alternative wins); each pair must share period and unit',
    check: (v) => {
      const r = parsePair(v);
      return typeof r === 'string' ? r : null;
    },
  },
  {
    name: 'as',
    help: 'with `pair`: `percent` (default: the second as a % of the first, against a 100 % line) or `side` (both bars side by side in their unit)',
    check: (v) => (v === 'percent' || v === 'side' ? null : `as="${v}" must be percent or side`),
  },
  {
    name: 'names',
    help: 'with `pair`: what the two are called in the key, `FIRST:SECOND` (default: the two sides of `pair`)',
    check: (v) => (/^[^:]+:[^:]+$/.test(v) ? null : `names="${v}" must be FIRST:SECOND`),
  },
];

interface Pair {
  first: ReconciledRow;
  second: ReconciledRow;
}

function pairsOf(req: KindRequest, data: ReportData, rule: PairRule) {
  const firsts = matchedRows(req, data);
  const ids = new Set(data.reconciled.map((r) => r.measure_id));
  const pairs: Pair[] = [];
  let unmatched = 0;
  for (const first of firsts) {
    const id = partnerOf(first.measure_id, rule, ids);
    if (id === null) {
      // A matched measure that is itself a second of some pair is not "unmatched".
      continue;
    }
    const second = data.reconciled.find(
      (r) => r.measure_id === id && samePeriod(r, first) && r.unit === first.unit && Number.isFinite(r.value),
    );
    if (second) pairs.push({ first, second });
    else unmatched++;
  }
  return { pairs, unmatched };
}

function pairNames(req: KindRequest, rule: PairRule): [string, string] {
  const names = req.options.names?.split(':');
  if (names?.[0] && names[1]) return [names[0], names[1]];
  const clean = (s: string) => s.replace(/\*/g, '').replace(/^\.+|\.+$/g, '') || s;
  return [clean(rule.from), clean(rule.to[0] ?? '')];
}

export function barsEmpty(req: KindRequest, data: ReportData): string | null {
  if ((req.options.as || req.options.names) && !req.options.pair) return 'as="…" and names="…" need pair="…"';
  if (req.options.pair) {
    const rule = parsePair(req.options.pair);
    if (typeof rule === 'string') return rule;
    const { pairs } = pairsOf(req, data, rule);
    if (
      (req.options.as ?? 'percent') === 'percent' &&
      pairs.length > 0 &&
      pairs.every((p) => p.first.value === 0)
    ) {
      return 'every pair has a first value of 0 (no percentage of it can be drawn)';
    }
    return pairs.length > 0
      ? null
      : `no matched measure has a partner under pair="${req.options.pair}" in the same period and unit`;
  }
  return matchedRows(req, data).length > 0
    ? null
    : `the matched measures have no reconciled value${req.period ? ` for ${req.period}` : ''}`;
}

type Datum = { line: string; group: string; value: number; text: string; hollow: boolean; kind: string };

export function buildBars(req: KindRequest, data: ReportData): ChartSpec | null {
  if (barsEmpty(req, data) !== null) return null;
  return req.options.pair ? buildPaired(req, data) : buildPlain(req, data);
}

function rowLabel(req: KindRequest, data: ReportData, r: ReconciledRow): string {
  return req.period ? measureLabel(data, r.measure_id) : panelTitle(data, r);
}

function buildPlain(req: KindRequest, data: ReportData): ChartSpec {
  const rows = matchedRows(req, data);
  const units = [...new Set(rows.map((r) => r.unit))];
  let anyRing = false;
  const panels = units.map((unit) => {
    const own = rows.filter((r) => r.unit === unit);
    const values = own.flatMap((r) => [r.value, ...observationsOf(data, r).map((o) => o.value)]);
    const millions = inMillions(unit, values);
    const bars: Datum[] = [];
    const rings: Datum[] = [];
    for (const r of own) {
      const line = rowLabel(req, data, r);
      const obs = observationsOf(data, r);
      const differing = obs.filter(
        (o) => Math.abs(o.value - r.value) > 1e-9 * Math.max(1, Math.abs(r.value)),
      );
      const lo = Math.min(r.value, ...obs.map((o) => o.value));
      const hi = Math.max(r.value, ...obs.map((o) => o.value));
      bars.push({
        line,
        group: '',
        value: r.value,
        text:
          differing.length > 0
            ? `${figureText(r.value, unit, millions)} (sources ${figureRange(lo, hi, unit, millions)})`
            : figureText(r.value, unit, millions),
        hollow: r.unverified > 0,
        kind: 'bar',
      });
      for (const o of differing) {
        anyRing = true;
        rings.push({
          line,
          group: '',
          value: o.value,
          text: '',
          hollow: o.status === 'unverified',
          kind: 'ring',
        });
      }
    }
    return { unit, millions, bars, rings, title: axisTitle(unit, false, millions) };
  });
  const anyHollow = rows.some((r) => r.unverified > 0);
  const key = [
    'bar: the reconciled value',
    ...(anyRing ? ["ring: a source's figure that differs from it"] : []),
    ...(anyHollow ? ['pale: unverified'] : []),
  ];
  const spec = layout(req, panels, `${key.join('; ')}.`, []);
  return {
    id: req.id,
    title: req.title,
    description:
      `Bar chart of ${rows.length} ${rows.length === 1 ? 'figure' : 'figures'}: ` +
      panels.flatMap((p) => p.bars.map((b) => `${b.line}: ${b.text}`)).join('; ') +
      '.',
    spec,
    sourceIds: sourceIdsOf(rows),
    hasUnverified: anyHollow,
  };
}

function buildPaired(req: KindRequest, data: ReportData): ChartSpec {
  const rule = parsePair(req.options.pair ?? '') as PairRule;
  const { pairs, unmatched } = pairsOf(req, data, rule);
  const [firstName, secondName] = pairNames(req, rule);
  const percent = (req.options.as ?? 'percent') === 'percent';
  const shown = percent ? pairs.filter((p) => p.first.value !== 0) : pairs;
  const dropped = pairs.length - shown.length;
  let panels: Panel[];
  const rules: { x: number; text: string }[] = [];
  if (percent) {
    const bars: Datum[] = shown.map((p) => {
      const share = (p.second.value / p.first.value) * 100;
      const unit = p.first.unit;
      return {
        line: rowLabel(req, data, p.first),
        group: '',
        value: share,
        text: `${formatQuantity(p.second.value, unit)} of ${formatQuantity(p.first.value, unit)} (${formatNumberText(Math.round(share))} %)`,
        hollow: p.first.unverified > 0 || p.second.unverified > 0,
        kind: 'bar',
      };
    });
    panels = [
      { unit: 'percent', millions: false, bars, rings: [], title: `${secondName} as % of ${firstName}` },
    ];
    rules.push({ x: 100, text: `100 %: ${secondName} = ${firstName}` });
  } else {
    const units = [...new Set(shown.map((p) => p.first.unit))];
    panels = units.map((unit) => {
      const own = shown.filter((p) => p.first.unit === unit);
      const millions = inMillions(
        unit,
        own.flatMap((p) => [p.first.value, p.second.value]),
      );
      const bars: Datum[] = own.flatMap((p) => {
        const line = rowLabel(req, data, p.first);
        return [
          {
            line,
            group: firstName,
            value: p.first.value,
            text: `${firstName}: ${figureText(p.first.value, unit, millions)}`,
            hollow: p.first.unverified > 0,
            kind: 'bar',
          },
          {
            line,
            group: secondName,
            value: p.second.value,
            text: `${secondName}: ${figureText(p.second.value, unit, millions)}`,
            hollow: p.second.unverified > 0,
            kind: 'bar',
          },
        ];
      });
      return { unit, millions, bars, rings: [], title: axisTitle(unit, false, millions) };
    });
  }
  const anyHollow = shown.some((p) => p.first.unverified > 0 || p.second.unverified > 0);
  const key = percent
    ? [
        `bar: ${secondName} as a percentage of ${firstName}`,
        `line: 100 % (${secondName} equals ${firstName})`,
      ]
    : [`upper bar: ${firstName}`, `lower bar: ${secondName}`];
  if (anyHollow) key.push('pale: unverified');
  let note = `${key.join('; ')}.`;
  const left = unmatched + dropped;
  if (left > 0)
    note += ` ${left} without a ${secondName} to compare ${left === 1 ? 'is' : 'are'} in the table.`;
  const spec = layout(req, panels, note, rules, percent ? [] : [firstName, secondName]);
  return {
    id: req.id,
    title: req.title,
    description:
      `${percent ? `${secondName} as a percentage of ${firstName}` : `${firstName} and ${secondName} side by side`}, ${shown.length} ${shown.length === 1 ? 'pair' : 'pairs'}: ` +
      (percent
        ? panels.flatMap((p) => p.bars.map((b) => `${b.line}: ${b.text}`))
        : shown.map(
            (p) =>
              `${rowLabel(req, data, p.first)}: ${firstName} ${formatQuantity(p.first.value, p.first.unit)}, ${secondName} ${formatQuantity(p.second.value, p.second.unit)}`,
          )
      ).join('; ') +
      '.',
    spec,
    sourceIds: sourceIdsOf(shown.flatMap((p) => [p.first, p.second])),
    hasUnverified: anyHollow,
  };
}

interface Panel {
  unit: string;
  millions: boolean;
  bars: Datum[];
  rings: Datum[];
  title: string;
}

const TEXT_WIDTH = 170;

function layout(
  req: KindRequest,
  panels: Panel[],
  note: string,
  rules: { x: number; text: string }[],
  groups: string[] = [],
): TopLevelSpec {
  const maxLabel = 220;
  const wrapped = new Map<string, string[]>();
  for (const p of panels) for (const b of p.bars) wrapped.set(b.line, wrapLabel(b.line, maxLabel));
  const labelWidth = labelColumnWidth([...wrapped.values()].flat(), maxLabel);
  const lines = Math.max(1, ...[...wrapped.values()].map((l) => l.length));
  const textWidth = Math.min(
    TEXT_WIDTH,
    labelColumnWidth(
      panels.flatMap((p) => p.bars.map((b) => b.text)),
      TEXT_WIDTH,
    ),
  );
  const plotWidth = TARGET_WIDTH_PX - labelWidth - textWidth - 40;
  const step = Math.max(groups.length > 0 ? 30 : 20, lines * 13 + 6);
  const concat = panels.map((p) => {
    const order = [...new Set(p.bars.map((b) => b.line))];
    const max = Math.max(
      0,
      ...p.bars.map((b) => b.value),
      ...p.rings.map((r) => r.value),
      ...rules.map((r) => r.x),
    );
    const min = Math.min(0, ...p.bars.map((b) => b.value), ...p.rings.map((r) => r.value));
    const y = {
      field: 'line',
      type: 'nominal',
      sort: order,
      title: null,
      axis: {
        labelLimit: labelWidth,
        minExtent: labelWidth,
        labelExpr: `split(datum.label, '\\n')`,
        ticks: false,
      },
    };
    const x = {
      field: 'value',
      type: 'quantitative',
      title: p.title,
      scale: { domain: [min, max * 1.08], nice: true, zero: true },
      axis: quantityAxis(p.millions),
    };
    // Rows are sorted by a number: vega-lite's sort by a list of values breaks on labels with a newline.
    const place = (b: Datum) => ({
      ...b,
      line: (wrapped.get(b.line) ?? [b.line]).join('\n'),
      order: order.indexOf(b.line),
    });
    const bars = p.bars.map(place);
    const rings = p.rings.map(place);
    const yy = { ...y, sort: { field: 'order', op: 'min' } };
    const plot = {
      width: plotWidth,
      height: { step },
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar', height: groups.length > 0 ? 10 : 12 },
          encoding: {
            y: yy,
            x,
            ...(groups.length > 0 ? { yOffset: { field: 'group', type: 'nominal', sort: groups } } : {}),
            color:
              groups.length > 0
                ? {
                    field: 'group',
                    type: 'nominal',
                    sort: groups,
                    scale: { range: ['#9a9a9a', PALETTE[0]] },
                    legend: null,
                  }
                : { value: PALETTE[0] },
            fillOpacity: { condition: { test: 'datum.hollow', value: 0.4 }, value: 1 },
          },
        },
        ...(p.rings.length > 0
          ? [
              {
                data: { values: rings },
                mark: {
                  type: 'point',
                  shape: 'circle',
                  size: 44,
                  filled: false,
                  strokeWidth: 1.3,
                  opacity: 1,
                  color: INK,
                },
                encoding: { y: yy, x: { field: 'value', type: 'quantitative' } },
              },
            ]
          : []),
        ...rules.flatMap((r) => [
          {
            data: { values: [r] },
            mark: { type: 'rule', color: ACCENT, strokeDash: [4, 3], strokeWidth: 1.4 },
            encoding: { x: { field: 'x', type: 'quantitative' } },
          },
        ]),
      ],
    };
    const figures = {
      width: textWidth,
      height: { step },
      data: { values: bars },
      mark: { type: 'text', align: 'left', baseline: 'middle', color: INK, fontSize: FONT_PX },
      encoding: {
        y: { ...yy, axis: null },
        ...(groups.length > 0 ? { yOffset: { field: 'group', type: 'nominal', sort: groups } } : {}),
        x: { value: 0 },
        text: { field: 'text', type: 'nominal' },
      },
    };
    return { hconcat: [plot, figures], spacing: 6 };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: req.title, subtitle: wrapText(note, TARGET_WIDTH_PX - 20), subtitleFontSize: FONT_PX },
    spacing: 14,
    vconcat: concat,
  } as unknown as TopLevelSpec;
}
