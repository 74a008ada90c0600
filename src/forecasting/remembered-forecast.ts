import { LruMap } from '../common/lru-map.js';
import { forecast, type ForecastOptions } from './forecast.js';
import type { ForecastResult } from './forecast-result.js';

/** Enough for every target's series, and a scenario's, in one process. */
const REMEMBERED = 256;
const remembered = new LruMap<string, ForecastResult>(REMEMBERED);

/**
 * `forecast`, remembered for the last series and options it was asked about. Most rebuilds
 * follow an edit of an event or a campaign, which changes what is added on top of the forecast
 * but not the monthly series it is made from; fitting the models again was most of their time.
 * The result is shared between callers: read it, never change it.
 */
export function rememberedForecast(y: readonly number[], options: ForecastOptions): ForecastResult {
  const key = JSON.stringify([y, options]);
  let result = remembered.get(key);
  if (!result) {
    result = forecast(y, options);
    remembered.set(key, result);
  }
  return result;
}
