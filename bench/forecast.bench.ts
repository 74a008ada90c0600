/**
 * Accuracy and speed of the forecasting engine on a long-format tourism CSV (train/test split).
 *   npm run bench:forecast [-- --input FILE.csv] [-- --holdout N]
 * `--holdout N` scores on the training part only, for choosing methods: N forecast origins per
 * series, the first h steps before the end of training, each further one half a horizon earlier;
 * the test part is not read. Per frequency: MASE (scaled by the in-sample seasonal-naive MAE, averaged over series) and MAPE
 * of the engine and of seasonal naive, the share of test points inside the engine's 80 % and 95 %
 * intervals, the number of series and the wall time. The last line is one JSON object.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countInside, mape, mase, seasonalNaiveScale } from '../src/forecasting/accuracy.js';
import { forecast } from '../src/forecasting/forecast.js';
import { seasonalNaive } from '../src/forecasting/seasonal-naive.js';
import { parseSeriesCsv, type SeriesRecord } from '../src/forecasting/series-csv.js';

interface FrequencyFigures {
  series: number;
  testPoints: number;
  mase: number;
  mape: number;
  snaiveMase: number;
  snaiveMape: number;
  coverage80: number;
  coverage95: number;
  seconds: number;
}

/** How the methods and the interval widths were chosen: printed with the figures. */
const SELECTION =
  'selection: a fixed pool for every series (ETS over error/trend incl. damped/season, optimised Theta, ' +
  "seasonal ARIMA, seasonal naive; ETS and ARIMA give the Akaike-weighted mean of their candidates' point forecasts " +
  "with the best-AICc candidate's intervals); point forecast = trimmed mean (lowest and highest left out) of the members " +
  'and of optimised Theta on ' +
  "the annual totals spread by the last six years' seasonal indices (seasonal series of 6+ years). Interval widths " +
  "per series and level: the four members' averaged quantiles rescaled by the combination's errors on a " +
  "holdout of the last h training points (refitted on the rest), shrunk towards the models' own widths " +
  '(prior worth 2h points), factor 0.8-2. Only the training part is used; the test part only scores.';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { input: { type: 'string' }, holdout: { type: 'string' } } });
const origins = Number(values.holdout ?? 0);
if (!Number.isInteger(origins) || origins < 0)
  throw new RangeError('--holdout takes a whole number of origins');
const input = values.input ?? resolve(repoRoot, '../shared/data/tourism-dev.csv');
const records = parseSeriesCsv(readFileSync(input, 'utf8')).filter((r) => r.test.length > 0);

const byFrequency = new Map<string, SeriesRecord[]>();
for (const record of records)
  byFrequency.set(record.frequency, [...(byFrequency.get(record.frequency) ?? []), record]);

const figures: Record<string, FrequencyFigures> = {};
const started = performance.now();
for (const [frequency, group] of byFrequency) {
  const t0 = performance.now();
  let maseSum = 0;
  let mapeSum = 0;
  let snaiveMaseSum = 0;
  let snaiveMapeSum = 0;
  let inside80 = 0;
  let inside95 = 0;
  let testPoints = 0;
  const work = tasks(group);
  for (const { train, actual, period } of work) {
    const options = { period, horizon: actual.length };
    const engine = forecast(train, { ...options, levels: [80, 95], calibrate: 'holdout' });
    const naive = seasonalNaive(train, options);
    const scale = seasonalNaiveScale(train, period);
    maseSum += mase(actual, engine.mean, scale);
    mapeSum += mape(actual, engine.mean);
    snaiveMaseSum += mase(actual, naive.mean, scale);
    snaiveMapeSum += mape(actual, naive.mean);
    inside80 += countInside(actual, engine.lower[80], engine.upper[80]);
    inside95 += countInside(actual, engine.lower[95], engine.upper[95]);
    testPoints += actual.length;
  }
  const n = work.length;
  figures[frequency] = {
    series: n,
    testPoints,
    mase: round(maseSum / n),
    mape: round(mapeSum / n),
    snaiveMase: round(snaiveMaseSum / n),
    snaiveMape: round(snaiveMapeSum / n),
    coverage80: round(inside80 / testPoints),
    coverage95: round(inside95 / testPoints),
    seconds: round((performance.now() - t0) / 1000, 2),
  };
}
const totalSeconds = round((performance.now() - started) / 1000, 2);

console.log(
  `forecast benchmark on ${input}` +
    (origins > 0 ? ` (holdout of the training part, ${origins} origin(s); "series" counts forecasts)` : ''),
);
console.log('frequency  series  MASE   (snaive)  MAPE %  (snaive)  in80   in95   seconds');
for (const [frequency, f] of Object.entries(figures)) {
  console.log(
    [
      frequency.padEnd(9),
      String(f.series).padStart(7),
      f.mase.toFixed(3).padStart(6),
      `(${f.snaiveMase.toFixed(3)})`.padStart(9),
      f.mape.toFixed(2).padStart(7),
      `(${f.snaiveMape.toFixed(2)})`.padStart(9),
      f.coverage80.toFixed(3).padStart(6),
      f.coverage95.toFixed(3).padStart(6),
      f.seconds.toFixed(2).padStart(9),
    ].join(' '),
  );
}
console.log(`total: ${records.length} series in ${totalSeconds.toFixed(2)} s`);
console.log(SELECTION);
console.log(
  JSON.stringify({
    benchmark: 'forecast',
    input,
    holdoutOrigins: origins,
    selection: SELECTION,
    series: records.length,
    seconds: totalSeconds,
    frequencies: figures,
  }),
);

/** What is forecast and scored: the test part, or with --holdout, cuts from the training part. */
function tasks(group: readonly SeriesRecord[]): { train: number[]; actual: number[]; period: number }[] {
  if (origins === 0)
    return group.map((r) => ({ train: r.train, actual: r.test.slice(0, r.horizon), period: r.period }));
  const out: { train: number[]; actual: number[]; period: number }[] = [];
  for (const r of group)
    for (let k = 0; k < origins; k++) {
      const cut = r.horizon + k * Math.ceil(r.horizon / 2);
      const train = r.train.slice(0, r.train.length - cut);
      if (train.length < 2 * r.period + 1) continue;
      out.push({ train, actual: r.train.slice(train.length, train.length + r.horizon), period: r.period });
    }
  return out;
}

function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
