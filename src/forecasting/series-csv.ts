import { errorMessage } from '../common/errors/error-message.js';

/**
 * Reader for the long series format `series,frequency,horizon,split,t,period,value`
 * (one observation per line; split is "train" or "test").
 */
export interface SeriesRecord {
  id: string;
  frequency: string;
  period: number;
  horizon: number;
  train: number[];
  test: number[];
}

export const SERIES_CSV_HEADER = ['series', 'frequency', 'horizon', 'split', 't', 'period', 'value'] as const;

const PERIODS: Record<string, number> = { monthly: 12, quarterly: 4, yearly: 1, annual: 1 };

export class SeriesCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeriesCsvError';
  }
}

/** Seasonal period of a frequency name (monthly 12, quarterly 4, yearly 1). */
export function periodOf(frequency: string): number {
  const period = PERIODS[frequency.toLowerCase()];
  if (period === undefined)
    throw new SeriesCsvError(`unknown frequency "${frequency}" (expected monthly, quarterly or yearly)`);
  return period;
}

/** Parses the whole file; throws SeriesCsvError naming the line of the first problem. */
export function parseSeriesCsv(text: string): SeriesRecord[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '')
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((c) => c.trim());
  if (header.join(',') !== SERIES_CSV_HEADER.join(',')) {
    throw new SeriesCsvError(
      `line 1: bad header "${lines[0] ?? ''}", expected "${SERIES_CSV_HEADER.join(',')}"`,
    );
  }
  const byId = new Map<string, SeriesRecord & { points: { split: string; t: number; value: number }[] }>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const where = `line ${i + 1}`;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== SERIES_CSV_HEADER.length) {
      throw new SeriesCsvError(
        `${where}: expected ${SERIES_CSV_HEADER.length} fields, found ${cells.length}`,
      );
    }
    const [id, frequency, horizonText, split, tText, , valueText] = cells;
    if (id === '') throw new SeriesCsvError(`${where}: empty series id`);
    const horizon = Number(horizonText);
    if (!Number.isInteger(horizon) || horizon < 1)
      throw new SeriesCsvError(`${where}: horizon "${horizonText}" is not a positive integer`);
    const t = Number(tText);
    if (tText === '' || !Number.isFinite(t))
      throw new SeriesCsvError(`${where}: t "${tText}" is not a number`);
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value))
      throw new SeriesCsvError(`${where}: value "${valueText}" is not a number`);
    if (split !== 'train' && split !== 'test')
      throw new SeriesCsvError(`${where}: split "${split}" must be train or test`);
    let record = byId.get(id);
    if (!record) {
      let period: number;
      try {
        period = periodOf(frequency);
      } catch (error) {
        throw new SeriesCsvError(`${where}: ${errorMessage(error)}`);
      }
      record = { id, frequency, period, horizon, train: [], test: [], points: [] };
      byId.set(id, record);
    } else if (record.frequency !== frequency || record.horizon !== horizon) {
      throw new SeriesCsvError(`${where}: series "${id}" changes frequency or horizon`);
    }
    record.points.push({ split, t, value });
  }
  return [...byId.values()].map(({ points, ...record }) => {
    points.sort((a, b) => a.t - b.t);
    for (const p of points) (p.split === 'train' ? record.train : record.test).push(p.value);
    if (record.train.length === 0) throw new SeriesCsvError(`series "${record.id}" has no train rows`);
    return record;
  });
}
