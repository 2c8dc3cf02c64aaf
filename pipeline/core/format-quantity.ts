// How figures read in the report and the charts: `2,528,146 persons`, `17.7 Mt`, `5.08 % per year`,
// `14.6×`, `5.5–6.5 million`, `at least 724,000 persons`. Pure; shared by helpers.ts and the charts.
import { MONTHS, roundNoise } from './format-number.ts';
import type { Qualifier, Unit } from './types.ts';

/** Digits with thousands separators; values under 1000 keep up to 3 significant digits. */
export function formatNumberText(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const v = roundNoise(x);
  const abs = Math.abs(v);
  let text: string;
  if (abs >= 1000) {
    text = Math.round(v).toString();
  } else {
    const plain = v.toString();
    const decimals = plain.includes('.') ? (plain.split('.')[1]?.length ?? 0) : 0;
    // Figures as printed (165.9, 5.75, 4.28) stay as they are; computed ones (14.571429) get 3 digits.
    text = decimals <= 2 || plain.includes('e') ? plain : Number(v.toPrecision(3)).toString();
    if (text.includes('e')) text = v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  }
  const negative = text.startsWith('-');
  const [int = '', frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '−' : '') + grouped + (frac ? `.${frac}` : '');
}

/** Round estimates in millions read better as `5.5 million` than as `5,500,000`. */
function isRoundMillions(x: number): boolean {
  return Math.abs(x) >= 1e6 && Math.round(x) % 10_000 === 0;
}

function millions(x: number): string {
  return formatNumberText(Number((x / 1e6).toPrecision(4)));
}

const UNIT_SUFFIX: Record<Unit, { text: string; space: boolean }> = {
  t: { text: 't', space: true },
  kt: { text: 'kt', space: true },
  Mt: { text: 'Mt', space: true },
  persons: { text: 'persons', space: true },
  percent: { text: '%', space: true },
  percent_per_year: { text: '% per year', space: true },
  multiple: { text: '×', space: false },
  hours: { text: 'hours', space: true },
  years: { text: 'years', space: true },
  bn_kWh: { text: 'bn kWh', space: true },
  int_dollars_2011: { text: 'int. $ (2011)', space: true },
};

/** Each built-in unit's printed suffix (`% per year`, `int. $ (2011)`), to read figures back out of text. */
export function unitSuffixes(): { unit: string; text: string }[] {
  return Object.entries(UNIT_SUFFIX).map(([unit, s]) => ({ unit, text: s.text }));
}

/** A unit's name as printed after a number. Unknown units are printed as they are. */
export function unitText(unit: string): string {
  return (UNIT_SUFFIX as Record<string, { text: string }>)[unit]?.text ?? unit;
}

function withUnit(numberText: string, unit: string): string {
  const suffix = (UNIT_SUFFIX as Record<string, { text: string; space: boolean }>)[unit];
  if (!suffix) return unit ? `${numberText} ${unit}` : numberText;
  return suffix.space ? `${numberText} ${suffix.text}` : `${numberText}${suffix.text}`;
}

/** `2,528,146 persons`, `5.5 million` (persons in round millions), `17.7 Mt`, `14.6×`. */
export function formatQuantity(value: number, unit: string): string {
  if (unit === 'persons' && isRoundMillions(value)) return `${millions(value)} million`;
  return withUnit(formatNumberText(value), unit);
}

/** `5.5–6.5 million`, `1,053,829–1,713,000 persons`, `607–640 t`; a point when low = high. */
export function formatRange(low: number, high: number, unit: string): string {
  if (roundNoise(low) === roundNoise(high)) return formatQuantity(low, unit);
  // Estimates of millions read as millions even when one end is precise (6–42.67 million).
  if (unit === 'persons' && Math.abs(low) >= 1e6 && Math.abs(high) >= 1e6) {
    return `${millions(low)}–${millions(high)} million`;
  }
  const suffix = (UNIT_SUFFIX as Record<string, { text: string; space: boolean }>)[unit];
  if (suffix && !suffix.space) return `${formatNumberText(low)}–${formatNumberText(high)}${suffix.text}`;
  return withUnit(`${formatNumberText(low)}–${formatNumberText(high)}`, unit);
}

/** An observation as its source gives it: `at least 724,000 persons`, `about 18 million`. */
export function formatQualified(
  value: number,
  low: number,
  high: number,
  unit: string,
  qualifier: Qualifier,
): string {
  switch (qualifier) {
    case 'at_least':
      return `at least ${formatQuantity(value, unit)}`;
    case 'at_most':
      return `up to ${formatQuantity(value, unit)}`;
    case 'approx':
      return `about ${formatQuantity(value, unit)}`;
    case 'range':
      return formatRange(low, high, unit);
    default:
      return formatQuantity(value, unit);
  }
}

/** `14.6×` for ratios such as claimed / reconciled. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '–';
  return `${formatNumberText(Number(ratio.toPrecision(3)))}×`;
}

/** `1937`, `31 August 1935`, `June 1941`; invalid text is returned as it is. */
export function formatDate(text: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!m) return text;
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? text;
  if (!day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** `1937`, `1933–1937`, `31 August 1935`, `1 January 1951 – 1 January 1953`. */
export function formatPeriod(start: string, end: string): string {
  if (!start && !end) return '';
  if (!end || start === end) return formatDate(start);
  if (/^\d{4}$/.test(start) && /^\d{4}$/.test(end)) return `${start}–${end}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** A period as a decimal year for charts (1951-01-01 → 1951, 1941-07 → 1941.5); NaN if not a date. */
export function periodToYear(text: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : 0;
  const day = m[3] ? Number(m[3]) - 1 : 0;
  return roundNoise(year + (month + day / 31) / 12);
}

/** `Deaths, 1937–1938` stays as it is; `Deaths, all regions` gets `, 1932–1933` appended. */
export function labelWithPeriod(label: string, start: string, end: string): string {
  const period = formatPeriod(start, end);
  if (period === '' || label.includes(period)) return label;
  return `${label}, ${period}`;
}
