/**
 * Proves the uplift estimator: injects known uplifts into daily series and measures how well
 * `estimateUplift` recovers them.
 *   npm run bench:uplift [-- --injections 360]
 * Two families of series, half the injections each:
 *  - demo-like: daily series generated as the demo seed does (seeds/baseline.seed.ts: monthly
 *    seasonality of a mountain destination, weekends, public holidays of each year's calendar,
 *    noise), for the city and the venues, visitors and revenue, 2020-2022;
 *  - tourism: monthly series of ../shared/data/tourism-dev.csv (train part, the last 36 months)
 *    disaggregated to days: the daily level interpolated linearly between month midpoints, a
 *    weekly pattern drawn per series (weekend factor 1.1-1.4) and lognormal noise (sd 3-8 %).
 * Demo-like series are passed their public holidays and swapped working days (as the app passes
 * its holiday calendar); tourism-built ones have none.
 * Each injection picks a series, a window length (2, 4, 8, 14, 28 or 37 days: events with their
 * one-day tail, campaigns with their seven-day tail), a start anywhere the history allows (every
 * season) and an uplift of 0, 2, 5, 10, 20 or 40 % of the window's baseline, spread over the
 * window's days in proportion to the baseline (integer-rounded). Prints bias, interval coverage
 * and the median absolute relative error for uplifts of 5 % or more; the last line is JSON.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { eachDay } from '../src/common/time/local-date.js';
import { packageHolidayDays } from '../src/holidays/chinese-days-source.js';
import { estimateUplift, requiredHistory, type UpliftResult } from '../src/effects/uplift-estimator.js';
import { createRandom } from '../src/forecasting/random.js';
import { parseSeriesCsv } from '../src/forecasting/series-csv.js';
import { dailyShape, spreadTotal, VENUE_PROFILES, yearlyTotals } from '../seeds/baseline.seed.js';

interface Outcome {
  family: 'demo' | 'tourism';
  length: number;
  /** Index of the window's first day (day 0 = 1 January of the first year). */
  start: number;
  size: number;
  truth: number;
  baseline: number;
  result: UpliftResult;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { injections: { type: 'string' }, input: { type: 'string' } },
});
const injections = Number(args.injections ?? 360);
const input = args.input ?? resolve(repoRoot, '../shared/data/tourism-dev.csv');
const LENGTHS = [2, 4, 8, 14, 28, 37];
const SIZES = [0, 0.02, 0.05, 0.1, 0.2, 0.4];
const random = createRandom(20221);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random.uniform() * items.length)];

function demoSeries(): number[][] {
  const series: number[][] = [];
  [null, ...VENUE_PROFILES].forEach((profile, s) => {
    for (const metric of ['visitors', 'revenue'] as const) {
      const totals = yearlyTotals(metric, profile);
      const days: number[] = [];
      for (const year of [2020, 2021, 2022])
        days.push(...spreadTotal(dailyShape(year, s * 10 + (metric === 'visitors' ? 1 : 2)), totals[year]));
      series.push(days);
    }
  });
  return series;
}

function tourismSeries(): number[][] {
  const records = parseSeriesCsv(readFileSync(input, 'utf8')).filter(
    (r) => r.frequency === 'monthly' && r.train.length >= 36 && r.train.every((v) => v > 0),
  );
  const noise = createRandom(7);
  return records.map((r) => {
    const months = r.train.slice(-36);
    const perDay = months.map((v) => v / 30.4);
    const weekend = 1.1 + 0.3 * noise.uniform();
    const sd = 0.03 + 0.05 * noise.uniform();
    const days: number[] = [];
    for (let t = 0; t < 36 * 30.4 - 1; t++) {
      const position = t / 30.4 - 0.5;
      const i = Math.max(0, Math.min(34, Math.floor(position)));
      const f = Math.max(0, Math.min(1, position - i));
      const level = perDay[i] * (1 - f) + perDay[i + 1] * f;
      const weekday = t % 7 >= 5 ? weekend : 1;
      days.push(Math.max(1, Math.round(level * weekday * Math.exp(sd * noise.normal()) * 10)));
    }
    return days;
  });
}

/** Public holidays and swapped working days of 2020-2022 (the app passes its holiday calendar). */
const DEMO_SPECIAL: boolean[] = (() => {
  const special = new Set([2020, 2021, 2022].flatMap((year) => packageHolidayDays(year).map((d) => d.date)));
  return eachDay('2020-01-01', '2022-12-31').map((date) => special.has(date));
})();

function inject(series: number[][], family: Outcome['family']): Outcome | undefined {
  const y = pick(series);
  const length = pick(LENGTHS);
  const size = pick(SIZES);
  const minStart = requiredHistory(length);
  if (y.length - length <= minStart) return undefined;
  const start = minStart + Math.floor(random.uniform() * (y.length - length - minStart));
  const baseline = y.slice(start, start + length).reduce((a, b) => a + b, 0);
  const values = y.slice(0, start + length);
  let truth = 0;
  for (let t = start; t < start + length; t++) {
    const added = Math.round(y[t] * size);
    values[t] += added;
    truth += added;
  }
  const result = estimateUplift({
    values,
    windowStart: start,
    windowEnd: start + length - 1,
    ...(family === 'demo' ? { special: DEMO_SPECIAL } : {}),
  });
  return { family, length, start, size, truth, baseline, result };
}

const started = performance.now();
const families = { demo: demoSeries(), tourism: tourismSeries() };
const outcomes: Outcome[] = [];
while (outcomes.length < injections) {
  const family = outcomes.length % 2 === 0 ? 'demo' : 'tourism';
  const outcome = inject(families[family], family);
  if (outcome) outcomes.push(outcome);
}
const seconds = (performance.now() - started) / 1000;

interface Figures {
  injections: number;
  measurable: number;
  /** Mean of (estimate - truth) / baseline, in percent of the window's baseline. */
  biasPctOfBaseline: number;
  coverage80: number;
  coverage95: number;
  /** Median |estimate - truth| / truth over uplifts >= 5 % of the baseline. */
  medianAbsRelErrorAtLeast5pct: number;
  /** Share of zero injections called `measured` (false positives). */
  falsePositiveRate: number;
  /** Share of injections >= 5 % called `measured`. */
  detectionRateAtLeast5pct: number;
}

function figures(group: Outcome[]): Figures {
  const ok = group.filter((o) => o.result.verdict !== 'not_measurable');
  let bias = 0;
  let in80 = 0;
  let in95 = 0;
  const relErrors: number[] = [];
  let zeros = 0;
  let falsePositives = 0;
  let large = 0;
  let detected = 0;
  for (const o of ok) {
    const r = o.result;
    if (r.verdict === 'not_measurable') continue;
    bias += (r.estimate - o.truth) / o.baseline;
    if (o.truth >= r.interval80.lower && o.truth <= r.interval80.upper) in80++;
    if (o.truth >= r.interval95.lower && o.truth <= r.interval95.upper) in95++;
    if (o.size === 0) {
      zeros++;
      if (r.verdict === 'measured') falsePositives++;
    }
    if (o.size >= 0.05) {
      relErrors.push(Math.abs(r.estimate - o.truth) / o.truth);
      large++;
      if (r.verdict === 'measured') detected++;
    }
  }
  relErrors.sort((a, b) => a - b);
  const n = ok.length;
  return {
    injections: group.length,
    measurable: n,
    biasPctOfBaseline: round((100 * bias) / n),
    coverage80: round(in80 / n),
    coverage95: round(in95 / n),
    medianAbsRelErrorAtLeast5pct: round(relErrors[Math.floor((relErrors.length - 1) / 2)] ?? NaN),
    falsePositiveRate: round(zeros ? falsePositives / zeros : NaN),
    detectionRateAtLeast5pct: round(large ? detected / large : NaN),
  };
}

const all = figures(outcomes);
const rows: [string, Figures][] = [
  ['all', all],
  ['demo-like', figures(outcomes.filter((o) => o.family === 'demo'))],
  ['tourism', figures(outcomes.filter((o) => o.family === 'tourism'))],
  ['events (2-4 d)', figures(outcomes.filter((o) => o.length <= 4))],
  ['campaigns (8-37 d)', figures(outcomes.filter((o) => o.length > 4))],
  ['start Jan-Jun', figures(outcomes.filter((o) => o.start % 365 < 182))],
  ['start Jul-Dec', figures(outcomes.filter((o) => o.start % 365 >= 182))],
];
console.log(`uplift benchmark: ${outcomes.length} injections (demo-like series and ${input})`);
console.log('group               n   bias %  in80   in95   medARE>=5%  false+  detect>=5%');
for (const [name, f] of rows)
  console.log(
    [
      name.padEnd(18),
      String(f.measurable).padStart(4),
      f.biasPctOfBaseline.toFixed(2).padStart(7),
      f.coverage80.toFixed(3).padStart(6),
      f.coverage95.toFixed(3).padStart(6),
      f.medianAbsRelErrorAtLeast5pct.toFixed(3).padStart(11),
      f.falsePositiveRate.toFixed(3).padStart(7),
      f.detectionRateAtLeast5pct.toFixed(3).padStart(11),
    ].join(' '),
  );
const goals = {
  coverage80: all.coverage80 >= 0.75 && all.coverage80 <= 0.85,
  coverage95: all.coverage95 >= 0.92 && all.coverage95 <= 0.98,
  medianAbsRelError: all.medianAbsRelErrorAtLeast5pct < 0.25,
};
console.log(
  `goals: 80 % coverage 75-85 % ${goals.coverage80 ? 'met' : 'NOT met'}, 95 % coverage 92-98 % ` +
    `${goals.coverage95 ? 'met' : 'NOT met'}, median abs rel error < 25 % ${goals.medianAbsRelError ? 'met' : 'NOT met'}; ` +
    `${seconds.toFixed(1)} s`,
);
console.log(
  JSON.stringify({
    benchmark: 'uplift',
    seconds: round(seconds, 2),
    ...all,
    goals,
    groups: Object.fromEntries(rows.slice(1)),
  }),
);

function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
