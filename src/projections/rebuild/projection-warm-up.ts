import { Logger, type Provider } from '@nestjs/common';
import { yearDays } from '../../common/time/local-date.js';
import { projectYear, type ProjectionInput } from '../math/projection-math.js';

/**
 * Made-up figures for a year under way: five past years of seasonal monthly totals with a trend,
 * daily actuals until mid-June and one contribution. They share nothing with real targets, so
 * the forecast they leave in `rememberedForecast` never answers a real one.
 */
export function warmUpInput(): ProjectionInput {
  const dates = yearDays(2001);
  const season = (month: number) => 1 + 0.35 * Math.sin((2 * Math.PI * month) / 12);
  const history = Array.from({ length: 60 }, (_, m) => Math.round(9_001 * season(m % 12) * (1 + m / 200)));
  const perDay = Array.from(dates, (_, d) => 317 * season(Math.floor(d / 30.5)));
  const total = perDay.reduce((a, b) => a + b, 0);
  return {
    dates,
    targetTotal: total,
    growthRate: 0.3,
    pathDaily: perDay,
    actualDaily: perDay.map((v, d) => (d < 166 ? Math.round(v * (0.9 + (d % 7) / 30)) : null)),
    asOfIndex: 165,
    history,
    contributions: [
      {
        id: 'warm-up',
        kind: 'event',
        name: 'warm-up',
        daily: dates.map((_, d) => (d === 200 ? 1_000 : 0)),
        actual: null,
      },
    ],
  };
}

/** Token of {@link PROJECTION_WARM_UP}: what the warm-up took, in ms. */
export const PROJECTION_WARM_UP = Symbol('ProjectionWarmUp');

/**
 * Projects a made-up year once while the worker is being built, before its queues are opened.
 * A fresh process runs its first rebuilds on cold code: V8 has neither compiled nor optimised
 * the forecasting models yet, and the first jobs took 2-5 times a warm one (130-275 ms against
 * 20-55). The processor depends on this provider, so it runs before any job is taken.
 */
export const projectionWarmUp: Provider = {
  provide: PROJECTION_WARM_UP,
  useFactory: (): number => {
    const ms = warmUpProjections();
    new Logger('ProjectionWarmUp').debug(`Projection maths warmed up in ${ms.toFixed(0)} ms`);
    return ms;
  },
};

/** Projects the made-up year as of three days (three forecasts); answers the ms it took. */
export function warmUpProjections(): number {
  const start = performance.now();
  for (let i = 0; i < 3; i++) projectYear({ ...warmUpInput(), asOfIndex: 120 + 40 * i });
  return performance.now() - start;
}
