import { Logger, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { yearDays } from '../../common/time/local-date.js';
import { errorMessage } from '../../common/errors/error-message.js';
import { Target } from '../../targets/target.entity.js';
import { projectYear, type ProjectionInput } from '../math/projection-math.js';
import { ProjectionBuilder } from './projection-builder.service.js';

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
 * Warms the worker up while it is being built, before its queues are opened. A fresh process runs
 * its first rebuilds on cold code: V8 has neither compiled nor optimised the forecasting models
 * nor the loaders' queries and row mapping yet, and the first jobs took 2-5 times a warm one
 * (130-275 ms against 20-55; after the maths alone was warmed, the first still took 121 ms, 57 of
 * them in the loaders). So it projects a made-up year, then builds (never stores) the projections
 * of a few real targets, the city's first (see warmUpBuilds); their forecasts are remembered. A
 * failure there is logged and does not stop the worker. The processor depends on this provider,
 * so it runs before any job is taken.
 */
export const projectionWarmUp: Provider = {
  provide: PROJECTION_WARM_UP,
  inject: [ProjectionBuilder, getDataSourceToken()],
  useFactory: async (builder: ProjectionBuilder, dataSource: DataSource) => {
    const logger = new Logger('ProjectionWarmUp');
    const start = performance.now();
    const mathsMs = warmUpProjections();
    let built = 'no target to build';
    try {
      const builds = await warmUpBuilds(builder, dataSource);
      if (builds.length) built = `built ${builds.join(', ')}`;
    } catch (error) {
      logger.warn(`Warm-up build failed (the worker starts anyway): ${errorMessage(error)}`);
    }
    const ms = performance.now() - start;
    logger.debug(`Warmed up in ${ms.toFixed(0)} ms (maths ${mathsMs.toFixed(0)} ms; ${built})`);
    return ms;
  },
};

/** Projects the made-up year as of three days (three forecasts); answers the ms it took. */
export function warmUpProjections(): number {
  const start = performance.now();
  for (let i = 0; i < 3; i++) projectYear({ ...warmUpInput(), asOfIndex: 120 + 40 * i });
  return performance.now() - start;
}

/** Real builds in the warm-up: V8 optimises a function after several calls, not after one. */
const WARM_UP_BUILDS = 3;

/**
 * Builds the projections of the newest year's first targets from the real data, the city's first
 * (the largest builds, and the ones every change queues) and revenue before visitors (a revenue
 * build projects its visitors target too), as a rebuild would (the inputs version read first),
 * without storing them; answers what it built (empty when there is no target, or no schema yet).
 */
export async function warmUpBuilds(
  builder: ProjectionBuilder,
  dataSource: DataSource,
  count = WARM_UP_BUILDS,
): Promise<string[]> {
  // A new database is migrated after the providers are built: nothing to build yet.
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(dataSource.getMetadata(Target).tableName))) return [];
  } finally {
    await runner.release();
  }
  const targets = await dataSource.getRepository(Target).find({
    // Each inputs version read with its target, before the build loads the data (as a rebuild does).
    select: { id: true, year: true, metric: true, scopeKey: true, inputsVersion: true },
    order: { year: 'DESC', venueId: { direction: 'ASC', nulls: 'FIRST' }, metric: 'ASC', id: 'ASC' },
    take: count,
  });
  const built: string[] = [];
  for (const target of targets) {
    const { stagesMs } = await builder.build(target.id, target.inputsVersion);
    built.push(`${target.metric} of ${target.scopeKey} ${target.year} ${JSON.stringify(stagesMs)}`);
  }
  return built;
}
