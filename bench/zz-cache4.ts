import { readFileSync, writeFileSync } from 'node:fs';
import { ets, fitEtsCandidates } from '../src/forecasting/ets.js';
import { etsPointForecast } from '../src/forecasting/ets-model.js';
import { parseSeriesCsv } from '../src/forecasting/series-csv.js';
const records = parseSeriesCsv(readFileSync('/work/wt/shared/data/tourism-dev.csv', 'utf8')).filter((r) => r.test.length > 0);
const cache = JSON.parse(readFileSync('/tmp/acct/cache.json', 'utf8')) as { id: string; mode: string; f: Record<string, number[] | null> }[];
for (const r of records) {
  const h = r.horizon;
  for (const mode of ['test', 'holdout']) {
    let train = r.train;
    if (mode === 'holdout') { if (train.length - h < 2 * r.period + 4) continue; train = train.slice(0, -h); }
    const entry = cache.find((c) => c.id === r.id && c.mode === mode)!;
    const fits = fitEtsCandidates(train, r.period, { initialStates: 'optimized' });
    const best = fits[0].aicc;
    const w = fits.map((f) => Math.exp(-0.5 * (f.aicc - best)));
    const tot = w.reduce((a, b) => a + b, 0);
    const fc = fits.map((f) => etsPointForecast(f.fit.state, f.spec, f.params, h));
    entry.f.etsopt = fc[0];
    entry.f.etsoptw = fc[0].map((_, i) => fc.reduce((a, f, k) => a + (w[k] / tot) * f[i], 0));
  }
}
writeFileSync('/tmp/acct/cache-opt.json', JSON.stringify(cache));
