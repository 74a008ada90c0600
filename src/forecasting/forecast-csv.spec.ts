import { describe, expect, it } from '@jest/globals';
import { FORECAST_CSV_HEADER, forecastRecordsToCsv } from './forecast-csv.js';

describe('forecastRecordsToCsv', () => {
  it('writes one line per series and step with the point forecast and both intervals', () => {
    const train = Array.from({ length: 24 }, (_, t) => 100 + t + [5, -5, 10, -10][t % 4]);
    const csv = forecastRecordsToCsv([
      { id: 'q,1', frequency: 'quarterly', period: 4, horizon: 3, train, test: [] },
    ]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(FORECAST_CSV_HEADER);
    expect(lines).toHaveLength(4);
    expect(lines[1].startsWith('"q,1",1,')).toBe(true);
    const [value, lo80, hi80, lo95, hi95] = lines[1].split(',').slice(3).map(Number);
    expect([lo95, lo80, value, hi80, hi95].every(Number.isFinite)).toBe(true);
    expect(lo95 <= lo80 && lo80 <= value && value <= hi80 && hi80 <= hi95).toBe(true);
  });
});
