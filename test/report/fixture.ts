// A realistic ReportData, written by hand for the report tests: a few measures of every section prefix,
// conflicts, unverified and derived rows, claims of each verdict, and hostile strings (markup in titles
// and notes, `javascript:` URLs). The reconciled rows follow DESIGN.md §4 with a small local helper so
// that the fixture stays readable; it is not the reconcile stage.

import type {
  AuditEntry,
  Claim,
  ClaimRow,
  Kind,
  Measure,
  Method,
  Observation,
  Qualifier,
  ReconciledRow,
  ReportData,
  Source,
  Status,
  Unit,
  Verdict,
} from '../../pipeline/core/types.ts';
import { claimFindings } from '../../pipeline/data/reconcile/claim-findings.ts';
import { auditObservation } from '../../pipeline/data/reconcile/model.ts';

export const HOSTILE = '<script>alert(1)</script>';
export const HOSTILE_URL = 'javascript:alert(document.cookie)';

function source(
  source_id: string,
  author: string,
  year: string,
  kind: Kind,
  title: string,
  url = '',
  notes = '',
): Source {
  return {
    source_id,
    author,
    title,
    year,
    kind,
    publisher: '',
    url,
    locale: 'en',
    notes,
    ref: `sources.csv:${source_id.length}`,
  };
}

const sources: Source[] = [
  source(
    'annales-1936',
    'Annales',
    'c. 1936',
    'propaganda',
    'Le mouvement Stakhanov',
    'https://example.org/annales',
  ),
  source('applebaum-2003', 'Applebaum', '2003', 'scholarly', 'Gulag: A History'),
  source(
    'bbc-bitesize',
    'BBC Bitesize',
    '2020',
    'popular',
    'The Five-Year Plans',
    'https://www.bbc.com/bitesize/guides/z9d2dmn/revision/1',
  ),
  source(
    'bergson-1961',
    'Bergson',
    '1961',
    'scholarly',
    'The Real National Income of Soviet Russia Since 1928',
  ),
  source('conquest-1968', 'Conquest', '1968', 'scholarly', 'The Great Terror'),
  source('davies-wheatcroft-2004', 'Davies and Wheatcroft', '2004', 'scholarly', 'The Years of Hunger'),
  source('ellman-2002', 'Ellman', '2002', 'scholarly', 'Soviet Repression Statistics: Some Comments'),
  source(
    'enc-ukraine-1993',
    'Encyclopedia of Ukraine',
    '1993',
    'reference',
    'Stakhanov, Aleksei',
    'http://www.encyclopediaofukraine.com/display.asp?linkpath=pages%5CS%5CT%5CStakhanovAleksei.htm',
  ),
  source(
    'evil-1999',
    `Evil ${HOSTILE}`,
    '1999',
    'popular',
    `A title ${HOSTILE} with <b>markup</b> & "quotes"`,
    HOSTILE_URL,
    `Notes <img src=x onerror=alert(1)> ${HOSTILE}`,
  ),
  source(
    'garf-certificate',
    'GARF',
    '1956',
    'archival',
    'Summary certificate on deaths in the Gulag, 1930–1956',
  ),
  source(
    'getty-1993',
    'Getty, Rittersporn and Zemskov',
    '1993',
    'archival',
    'Victims of the Soviet Penal System in the Pre-war Years',
  ),
  source(
    'gse-1972',
    'Great Soviet Encyclopedia',
    '1972',
    'official',
    'Izotov, Nikita',
    'http://ed.newdu.com/k1628206.html',
  ),
  source('intrestinghistory', 'Intrestinghistory.ru', '2015', 'official', 'Table 1: output of industry'),
  source('ivanov-2015', 'Ivanov', '2015', 'official', 'Basic proportions of the Soviet economy'),
  source(
    'khanin-1993',
    'Harrison',
    '1993',
    'scholarly',
    'Soviet Economic Growth Since 1928: The Alternative Statistics of G. I. Khanin',
  ),
  source(
    'khrushchev-memo-1954',
    'Rudenko, Kruglov and Gorshenin',
    '1954',
    'archival',
    'Memo to N. S. Khrushchev',
  ),
  source('kotkin-2017', 'Kotkin', '2017', 'scholarly', 'Stalin: Waiting for Hitler'),
  source(
    'library-md-1985',
    'Library.md',
    '1985',
    'official',
    'The Stakhanov Movement: History and Historiography',
    'javascript:void(0)',
  ),
  source(
    'maddison-2023',
    'Bolt and van Zanden',
    '2023',
    'scholarly',
    'Maddison Project Database 2023',
    'https://www.rug.nl/ggdc/historicaldevelopment/maddison/',
  ),
  source(
    'memim',
    'memim.com',
    '2015',
    'popular',
    'Alexey Stakhanov',
    'https://memim.com/alexey-stakhanov.html',
  ),
  source('memorial', 'Memorial', '2007', 'scholarly', 'Stalin lists'),
  source('nove-1992', 'Nove', '1992', 'scholarly', 'An Economic History of the USSR'),
  source('nkvd-1938', 'NKVD', '1939', 'archival', 'Statistics on arrests and sentences, 1937–1938'),
  source('rummel-1990', 'Rummel', '1990', 'scholarly', 'Lethal Politics'),
  source('snyder-2010', 'Snyder', '2010', 'scholarly', 'Bloodlands'),
  source('time-1970', 'Time', 'c. 1975', 'popular', 'Stakhanov'),
  source(
    'wikipedia',
    'Wikipedia',
    '2024',
    'reference',
    'Stakhanovite movement',
    'https://en.wikipedia.org/wiki/Stakhanovite_movement',
  ),
  source('zemskov-1991', 'Zemskov', '1991', 'archival', 'GULAG (istoriko-sotsiologicheskii aspekt)'),
];

const measures: Measure[] = [];
function measure(
  measure_id: string,
  label: string,
  unit: Unit,
  method: Method = { type: 'median' },
  tolerance = 0.1,
): void {
  const method_text =
    method.type === 'median'
      ? 'median'
      : method.type === 'ratio'
        ? `ratio:${method.numerator}/${method.denominator}`
        : method.type === 'cagr'
          ? `cagr:${method.measure}${method.start ? `@${method.start}/${method.end}` : ''}`
          : `priority:${method.order.join('>')}`;
  measures.push({
    measure_id,
    label,
    unit,
    definition: `${label}.`,
    method,
    method_text,
    tolerance,
    ref: `measures.csv:${measures.length + 2}`,
  });
}

const observations: Observation[] = [];
type ObsOptions = {
  low?: number;
  high?: number;
  qualifier?: Qualifier;
  status?: Status;
  page?: string;
  raw?: string;
  note?: string;
};
function obs(source_id: string, measure_id: string, period: string, value: number, o: ObsOptions = {}): void {
  const [period_start = '', period_end = period_start] = period.split('/');
  const unit = measures.find((m) => m.measure_id === measure_id)?.unit ?? 'persons';
  const low = o.low ?? value;
  const high = o.high ?? value;
  observations.push({
    source_id,
    measure_id,
    period_start,
    period_end,
    value,
    low,
    high,
    unit,
    qualifier: o.qualifier ?? (low !== high ? 'range' : 'exact'),
    status: o.status ?? 'verified',
    page: o.page ?? '',
    raw: o.raw ?? String(value),
    ref: `observations/${source_id}.csv:${observations.filter((x) => x.source_id === source_id).length + 2}`,
    note: o.note ?? '',
  });
}
function series(
  source_id: string,
  measure_id: string,
  start: number,
  values: number[],
  unverifiedYears: number[] = [],
): void {
  values.forEach((v, i) => {
    obs(
      source_id,
      measure_id,
      String(start + i),
      v,
      unverifiedYears.includes(start + i) ? { status: 'unverified' } : {},
    );
  });
}

// ---- record. and movement.
measure('record.stakhanov-tonnes', "Coal cut in Stakhanov's record shift", 't');
measure('record.norm-tonnes', "Hewer's shift norm", 't');
measure('record.stakhanov-usual-output', "Stakhanov's usual output per shift", 't');
measure('record.stakhanov-sep-1935', "Stakhanov's record of 19 September 1935", 't');
measure('record.izotov-1936-02-01', "Izotov's record of 1 February 1936", 't');
measure('record.stakhanov-multiple', 'Record as a multiple of the norm (computed)', 'multiple', {
  type: 'ratio',
  numerator: 'record.stakhanov-tonnes',
  denominator: 'record.norm-tonnes',
});
measure('record.stakhanov-multiple-stated', 'Record as a multiple of the norm (as stated)', 'multiple');
measure('record.duration', 'Duration of the record shift', 'hours');
measure('movement.stakhanovite-share-heavy-industry', 'Share of workers designated Stakhanovites', 'percent');
obs('annales-1936', 'record.stakhanov-tonnes', '1935-08-31', 102, { raw: '102 tonnes' });
obs('enc-ukraine-1993', 'record.stakhanov-tonnes', '1935-08-31', 102, { page: '5' });
obs('wikipedia', 'record.stakhanov-tonnes', '1935-08-31', 102);
obs('memim', 'record.norm-tonnes', '1935-08-31', 7, { raw: '7 t' });
obs('memim', 'record.stakhanov-usual-output', '1935-08-31', 11, { low: 10, high: 12, raw: '10–12 t' });
obs('wikipedia', 'record.stakhanov-sep-1935', '1935-09-19', 227);
obs('annales-1936', 'record.stakhanov-sep-1935', '1935-09-19', 227);
obs('gse-1972', 'record.izotov-1936-02-01', '1936-02-01', 607, { page: 'vol. 10' });
obs('wikipedia', 'record.izotov-1936-02-01', '1936-02-01', 640);
obs('wikipedia', 'record.stakhanov-multiple-stated', '1935-08-31', 14, { raw: '14×' });
obs('enc-ukraine-1993', 'record.stakhanov-multiple-stated', '1935-08-31', 14.5, {
  raw: '14.5 times',
  page: '5',
});
obs('memim', 'record.stakhanov-multiple-stated', '1935-08-31', 13);
obs('time-1970', 'record.stakhanov-multiple-stated', '1935-08-31', 11, {
  status: 'unverified',
  note: `Snippet only ${HOSTILE}`,
});
obs('enc-ukraine-1993', 'record.duration', '1935-08-31', 5.75, { raw: '5 h 45 min' });
obs('wikipedia', 'movement.stakhanovite-share-heavy-industry', '1936', 40, {
  qualifier: 'at_least',
  raw: 'upward of 40 %',
});

// ---- plan2.
measure('plan2.target.steel', 'Steel output target', 'Mt');
measure('plan2.target.coal', 'Coal output target', 'Mt');
measure('plan2.target.pig-iron', 'Pig iron output target', 'Mt');
measure('plan2.target.labour-productivity', 'Labour productivity in industry, planned increase', 'percent');
measure('plan2.outcome.labour-productivity', 'Labour productivity in industry, reported increase', 'percent');
obs('nove-1992', 'plan2.target.steel', '1937', 17, { status: 'unverified' });
obs('nove-1992', 'plan2.target.coal', '1937', 152.5, { status: 'unverified' });
obs('nove-1992', 'plan2.target.pig-iron', '1937', 16, { status: 'unverified' });
obs('library-md-1985', 'plan2.target.labour-productivity', '1933/1937', 63, { raw: '+63 %' });
obs('bbc-bitesize', 'plan2.outcome.labour-productivity', '1933/1937', 82, { raw: '82 %' });

// ---- output.
measure('output.coal', 'Coal', 'Mt');
measure('output.steel', 'Steel', 'Mt');
measure('output.pig-iron', 'Pig iron', 'Mt');
measure('output.electricity', 'Electricity', 'bn_kWh');
series(
  'intrestinghistory',
  'output.coal',
  1928,
  [35.5, 40.1, 47.8, 56.8, 64.4, 76.3, 94.2, 109.6, 126.8, 128, 133.3, 146.2, 165.9],
  [1929, 1930, 1931, 1932, 1933, 1934, 1935, 1936, 1937, 1938, 1939],
);
obs('bbc-bitesize', 'output.coal', '1937', 130, { qualifier: 'approx', raw: 'about 130 million tonnes' });
series(
  'intrestinghistory',
  'output.steel',
  1928,
  [4.3, 4.9, 5.8, 5.6, 5.9, 6.9, 9.7, 12.6, 16.4, 17.7, 18.1, 17.6, 18.3],
  [1929, 1930, 1931, 1933, 1934, 1935, 1936, 1938, 1939, 1940],
);
obs('intrestinghistory', 'output.pig-iron', '1928', 3.3);
obs('intrestinghistory', 'output.pig-iron', '1932', 6.2);
obs('intrestinghistory', 'output.pig-iron', '1937', 14.5);
obs('bbc-bitesize', 'output.electricity', '1937', 36, { qualifier: 'approx' });

// ---- growth.
measure('growth.national-income-official-multiple', 'Official national income, multiple', 'multiple');
measure('growth.national-income-official-rate', 'Official national income, yearly rate', 'percent_per_year', {
  type: 'cagr',
  measure: 'growth.national-income-official-multiple',
});
measure('growth.gdp-maddison', 'GDP per head (Maddison)', 'int_dollars_2011');
measure('growth.gdp-maddison-rate-1928-1940', 'GDP per head (Maddison), yearly rate', 'percent_per_year', {
  type: 'cagr',
  measure: 'growth.gdp-maddison',
  start: 1928,
  end: 1940,
});
measure('growth.national-income-bergson', 'Real national income (Bergson)', 'percent_per_year');
measure('growth.national-income-khanin-rate', 'National income (Khanin), yearly rate', 'percent_per_year');
obs('ivanov-2015', 'growth.national-income-official-multiple', '1928/1940', 5, {
  qualifier: 'at_least',
  raw: 'more than 5 times',
});
series(
  'maddison-2023',
  'growth.gdp-maddison',
  1928,
  [2184, 2209, 2308, 2330, 2294, 2380, 2598, 2971, 3174, 3437, 3427, 3566, 3417],
);
obs('bergson-1961', 'growth.national-income-bergson', '1928/1955', 5.7, {
  low: 4.7,
  high: 6.7,
  raw: '4.7 % or 6.7 %',
});
obs('khanin-1993', 'growth.national-income-khanin-rate', '1928/1985', 3.4, {
  status: 'derived',
  note: 'From 6.6× over 57 years.',
});

// ---- gulag-pop., gulag-flow., gulag-deaths.
measure('gulag-pop.camps-colonies', 'Gulag camps and colonies', 'persons');
measure('gulag-pop.camps', 'Gulag camps (ITL) only', 'persons');
measure('gulag-pop.all-places', 'Camps, colonies and prisons', 'persons');
measure('gulag-pop.museum', 'Gulag Museum "inmates" series', 'persons');
measure('gulag-flow.camps-colonies-1929-1953', 'People who passed through camps and colonies', 'persons');
measure('gulag-deaths.yearly', 'Deaths in the Gulag system', 'persons');
measure('gulag-deaths.rate', 'Deaths in % of the average population', 'percent');
measure('gulag-deaths.camps-yearly', 'Deaths in camps (ITL) only', 'persons');
measure('gulag-deaths.total-camps-1934-1953', 'Deaths in camps, 1934–1953 total', 'persons');
obs('applebaum-2003', 'gulag-pop.camps-colonies', '1930-01-01', 179000);
obs('applebaum-2003', 'gulag-pop.camps-colonies', '1931-01-01', 212000);
obs('applebaum-2003', 'gulag-pop.camps-colonies', '1932-01-01', 268000);
obs('zemskov-1991', 'gulag-pop.camps-colonies', '1932-01-01', 268700);
obs('applebaum-2003', 'gulag-pop.camps-colonies', '1942-01-01', 1777043);
obs('applebaum-2003', 'gulag-pop.camps-colonies', '1943-01-01', 1484182);
obs('applebaum-2003', 'gulag-pop.camps-colonies', '1944-01-01', 1179819);
obs('zemskov-1991', 'gulag-pop.camps-colonies', '1951-01-01', 2528146, {
  page: 'pp. 10–27',
  raw: '2 528 146',
});
obs('getty-1993', 'gulag-pop.camps', '1934-01-01', 510307, { page: '1017' });
obs('zemskov-1991', 'gulag-pop.camps', '1951-01-01', 1533767, { page: '10' });
obs('getty-1993', 'gulag-pop.camps', '1953-01-01', 1727970, { page: '1017' });
obs('evil-1999', 'gulag-pop.all-places', '1939-01-01', 1990000, {
  qualifier: 'approx',
  raw: '≈1.99 million',
});
series(
  'evil-1999',
  'gulag-pop.museum',
  1930,
  [230440, 276440, 288180, 553765, 344331, 542571, 523746, 828570, 537523, 405221],
);
obs('applebaum-2003', 'gulag-flow.camps-colonies-1929-1953', '1929/1953', 18000000, {
  qualifier: 'approx',
  raw: 'about 18 million',
});
obs('wikipedia', 'gulag-flow.camps-colonies-1929-1953', '1929/1953', 18000000);
series(
  'garf-certificate',
  'gulag-deaths.yearly',
  1930,
  [
    7980, 7283, 13197, 67297, 25187, 31636, 24993, 31056, 108654, 44750, 41275, 115484, 352560, 267826,
    114481, 81917,
  ],
);
series(
  'garf-certificate',
  'gulag-deaths.rate',
  1930,
  [4.2, 2.9, 4.8, 15.3, 4.28, 2.75, 2.11, 2.42, 5.35, 3.1, 2.72, 6.1, 24.9, 22.4, 9.2, 5.95],
);
series('zemskov-1991', 'gulag-deaths.camps-yearly', 1940, [46665, 100997, 248877]);
obs('getty-1993', 'gulag-deaths.total-camps-1934-1953', '1934/1953', 1053829, { page: '1024' });

// ---- repression., excess-deaths., famine.
measure('repression.executions-1937-1938', 'Executions, 1937–1938', 'persons');
measure('repression.executions-1921-1953', 'Executions, 1921–1953', 'persons');
measure('repression.deaths-1937-1938', 'All repression deaths, 1937–1938', 'persons');
measure('repression.death-sentences-yearly', 'Death sentences by year', 'persons');
measure('excess-deaths.stalin-regime', 'Deaths attributed to the Stalin regime', 'persons');
measure('excess-deaths.recorded-categories', 'Officially recorded victims in specific categories', 'persons');
measure('famine.ussr-1932-1933', 'Famine deaths, USSR', 'persons');
measure('famine.ukraine-1932-1933', 'Famine deaths, Soviet Ukraine', 'persons');
measure('famine.kazakhstan-1930-1933', 'Famine deaths, Kazakhstan', 'persons');
obs('nkvd-1938', 'repression.executions-1937-1938', '1937/1938', 681692);
obs('memorial', 'repression.executions-1937-1938', '1937/1938', 724000, {
  qualifier: 'at_least',
  raw: '≥724,000',
});
obs('khrushchev-memo-1954', 'repression.executions-1921-1953', '1921/1953', 642980);
obs('wikipedia', 'repression.executions-1921-1953', '1921/1953', 799455);
obs('ellman-2002', 'repression.deaths-1937-1938', '1937/1938', 1075000, {
  low: 950000,
  high: 1200000,
  raw: '950,000 – 1.2 million',
});
series(
  'nkvd-1938',
  'repression.death-sentences-yearly',
  1930,
  [20201, 10651, 22728, 2154, 2056, 1229, 1118, 353074, 328618, 2552, 1649],
);
obs('conquest-1968', 'excess-deaths.stalin-regime', '1930/1953', 20000000, {
  qualifier: 'at_least',
  raw: '20 million… almost certainly too low',
});
obs('rummel-1990', 'excess-deaths.stalin-regime', '1930/1953', 42672000, { page: 'ch. 1' });
obs('snyder-2010', 'excess-deaths.stalin-regime', '1930/1953', 7500000, {
  low: 6000000,
  high: 9000000,
  page: '383–391',
});
obs('wikipedia', 'excess-deaths.recorded-categories', '1921/1953', 3300000, { qualifier: 'approx' });
obs('kotkin-2017', 'famine.ussr-1932-1933', '1932/1933', 6000000, {
  low: 5000000,
  high: 7000000,
  raw: '5–7 million',
});
obs('davies-wheatcroft-2004', 'famine.ussr-1932-1933', '1932/1933', 6000000, {
  low: 5500000,
  high: 6500000,
  raw: '5.5–6.5 million',
});
obs('snyder-2010', 'famine.ussr-1932-1933', '1932/1933', 5000000, {
  qualifier: 'at_least',
  raw: 'more than 5 million',
});
obs('kotkin-2017', 'famine.ukraine-1932-1933', '1932/1933', 3500000, { qualifier: 'approx' });
obs('snyder-2010', 'famine.ukraine-1932-1933', '1932/1933', 3250000, { low: 3000000, high: 3500000 });
obs('evil-1999', 'famine.ukraine-1932-1933', '1932/1933', 7000000, { status: 'unverified', note: HOSTILE });

// ---- a measure outside the known prefixes (with a hostile label)
measure('conference.delegates', `Delegates at the first Stakhanovite conference ${HOSTILE}`, 'persons');
obs('wikipedia', 'conference.delegates', '1935-11', 3000, { qualifier: 'approx' });

// ---------------------------------------------------------------- reconcile (simplified, see header)
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const reconciled: ReconciledRow[] = [];
const audit: AuditEntry[] = [];
const groups = new Map<string, Observation[]>();
for (const o of observations) {
  const key = `${o.measure_id}|${o.period_start}|${o.period_end}`;
  groups.set(key, [...(groups.get(key) ?? []), o]);
}
for (const [key, group] of groups) {
  const [measure_id = '', period_start = '', period_end = ''] = key.split('|');
  const m = measures.find((x) => x.measure_id === measure_id)!;
  const value = round6(median(group.map((o) => o.value)));
  const low = Math.min(...group.map((o) => o.low));
  const high = Math.max(...group.map((o) => o.high));
  const outliers = group
    .filter(
      (o) =>
        Math.abs(o.value - value) > m.tolerance * Math.abs(value) && !(o.low <= value && value <= o.high),
    )
    .sort((a, b) => Math.abs(b.value - value) - Math.abs(a.value - value))
    .map((o) => o.source_id);
  const ids = [...new Set(group.map((o) => o.source_id))].sort();
  reconciled.push({
    measure_id,
    period_start,
    period_end,
    value,
    low,
    high,
    unit: m.unit,
    method: m.method_text,
    n_sources: ids.length,
    agreement: ids.length === 1 ? 'single' : outliers.length ? 'contested' : 'consistent',
    sources: ids,
    outliers,
    unverified: group.filter((o) => o.status === 'unverified').length,
  });
  audit.push({
    measure_id,
    period_start,
    period_end,
    method: m.method_text,
    used: group.map(auditObservation),
    set_aside: [],
    inputs: [],
    explanation: `The median of ${group.length} central value(s) is ${value}; the range is the hull of the sources' intervals, ${low} to ${high}.`,
  });
}
function derive(
  measure_id: string,
  period_start: string,
  period_end: string,
  value: number,
  inputs: ReconciledRow[],
  how: string,
): void {
  const m = measures.find((x) => x.measure_id === measure_id)!;
  const sourcesOfInputs = [...new Set(inputs.flatMap((r) => r.sources))].sort();
  reconciled.push({
    measure_id,
    period_start,
    period_end,
    value: round6(value),
    low: round6(value),
    high: round6(value),
    unit: m.unit,
    method: m.method_text,
    n_sources: sourcesOfInputs.length,
    agreement: 'derived',
    sources: sourcesOfInputs,
    outliers: [],
    unverified: inputs.reduce((n, r) => n + r.unverified, 0),
  });
  audit.push({
    measure_id,
    period_start,
    period_end,
    method: m.method_text,
    used: [],
    set_aside: [],
    inputs: inputs.map((r) => ({
      measure_id: r.measure_id,
      period_start: r.period_start,
      period_end: r.period_end,
      value: r.value,
    })),
    explanation: how,
  });
}
const row = (id: string, start?: string) =>
  reconciled.find((r) => r.measure_id === id && (!start || r.period_start === start))!;
derive(
  'record.stakhanov-multiple',
  '1935-08-31',
  '1935-08-31',
  102 / 7,
  [row('record.stakhanov-tonnes'), row('record.norm-tonnes')],
  '102 t ÷ 7 t = 14.571429.',
);
derive(
  'growth.national-income-official-rate',
  '1928',
  '1940',
  (5 ** (1 / 12) - 1) * 100,
  [row('growth.national-income-official-multiple')],
  '(5^(1/12) − 1) × 100 = 14.349 % per year.',
);
derive(
  'growth.gdp-maddison-rate-1928-1940',
  '1928',
  '1940',
  ((3417 / 2184) ** (1 / 12) - 1) * 100,
  [row('growth.gdp-maddison', '1928'), row('growth.gdp-maddison', '1940')],
  '((3417 / 2184)^(1/12) − 1) × 100 = 3.8 % per year.',
);
reconciled.sort(
  (a, b) =>
    a.measure_id.localeCompare(b.measure_id) ||
    a.period_start.localeCompare(b.period_start) ||
    a.period_end.localeCompare(b.period_end),
);
audit.sort(
  (a, b) => a.measure_id.localeCompare(b.measure_id) || a.period_start.localeCompare(b.period_start),
);

// ---------------------------------------------------------------- claims
const claims: Claim[] = [];
const verdicts: ClaimRow[] = [];
function claim(
  claim_id: string,
  measure_id: string,
  period: string,
  claimed: number,
  claimed_raw: string,
  summary: string,
): void {
  const [period_start = '', period_end = period_start] = period ? period.split('/') : [];
  claims.push({
    claim_id,
    measure_id,
    period_start,
    period_end,
    claimed,
    claimed_raw,
    summary,
    claim: claim_id,
    quote: '',
    as: 'stated',
    stance: 'asserts',
    ref: `claims.csv:${claims.length + 2}`,
  });
  const m = measures.find((x) => x.measure_id === measure_id)!;
  const candidates = reconciled.filter((r) => r.measure_id === measure_id);
  const r = period
    ? candidates.find((x) => x.period_start === period_start && x.period_end === period_end)
    : candidates.length === 1
      ? candidates[0]
      : undefined;
  let verdict: Verdict = 'no_data';
  if (r)
    verdict =
      claimed > r.high * (1 + m.tolerance)
        ? 'overstated'
        : claimed < r.low * (1 - m.tolerance)
          ? 'understated'
          : 'supported';
  verdicts.push({
    claim_id,
    claim: claim_id,
    measure_id,
    period_start: r?.period_start ?? period_start,
    period_end: r?.period_end ?? period_end,
    claimed,
    value: r?.value ?? null,
    low: r?.low ?? null,
    high: r?.high ?? null,
    ratio: r ? round6(claimed / r.value) : null,
    verdict,
  });
}
claim(
  'ess-01',
  'record.stakhanov-tonnes',
  '1935-08-31',
  102,
  '102 t',
  'On the night of 30–31 August 1935 Stakhanov cut 102 t of coal in under six hours.',
);
claim(
  'ess-03',
  'record.stakhanov-multiple',
  '1935-08-31',
  14,
  'more than 14 times',
  'More than 14 times his shift quota.',
);
claim(
  'ess-04',
  'gulag-pop.camps-colonies',
  '1951-01-01',
  11000000,
  '~11 million',
  'About 11 million people were incarcerated in the Gulag.',
);
claim(
  'ess-05',
  'excess-deaths.stalin-regime',
  '',
  20600000,
  '~20.6 million',
  `About 20.6 million workers died ${HOSTILE}`,
);
claim(
  'ess-07',
  'plan2.outcome.labour-productivity',
  '1933/1937',
  82,
  '82 %',
  'Overall production rose 82 % against the 63 % envisioned.',
);
claim(
  'ess-08',
  'growth.national-income-official-rate',
  '1928/1940',
  14,
  '14 % per year',
  '14 percent GNP growth per year.',
);
claim(
  'ess-09',
  'repression.executions-1921-1953',
  '1921/1953',
  400000,
  '400,000',
  'Some 400,000 people were executed.',
);
claim(
  'ess-10',
  'famine.kazakhstan-1930-1933',
  '',
  1500000,
  '1.5 million',
  'About 1.5 million died in the Kazakh famine.',
);

export function buildFixture(): ReportData {
  const data: ReportData = structuredClone({
    config: {
      title: 'Norma and Reality (fixture)',
      subtitle: 'A test subtitle & <em>markup</em>',
      author: 'The norma editors',
      publisher: 'norma',
      language: 'en',
      baseUrl: 'https://example.org/norma/',
      essay: {
        title: 'The Stakhanovite Movement',
        author: 'Unnamed essayist',
        year: '2024',
        url: 'https://example.org/essay',
      },
    },
    essay: null,
    findings: [],
    sources,
    measures,
    observations,
    claims,
    rejects: [
      {
        ref: 'observations/memim.csv:9',
        raw: "=cmd|' /C calc'!A0",
        reason: 'The value cannot be read as a number.',
      },
      { ref: 'observations/evil-1999.csv:4', raw: HOSTILE, reason: `Unknown unit ${HOSTILE}.` },
    ],
    reconciled,
    verdicts,
    audit,
  });
  // A quote with markup in it: the findings and their JSON-LD must escape it.
  data.claims[0]!.quote = `102 tonnes ${HOSTILE} in one shift`;
  data.findings = claimFindings({
    claims: data.claims,
    verdicts: data.verdicts,
    reconciled: data.reconciled,
    essay: null,
  });
  return data;
}

/** The same contract with none of the known measures (the pipeline also runs on such raw folders). */
export function buildEmptyFixture(): ReportData {
  const full = buildFixture();
  return {
    ...full,
    measures: [],
    observations: [],
    claims: [],
    rejects: [],
    reconciled: [],
    verdicts: [],
    audit: [],
    findings: [],
  };
}
