import { forecast } from './forecast.js';
import type { SeriesRecord } from './series-csv.js';

export const FORECAST_CSV_HEADER = 'series,h,value,lo80,hi80,lo95,hi95';

/** Forecasts every series from its train part over its own horizon, as CSV lines (header first). */
export function forecastRecordsToCsv(records: readonly SeriesRecord[]): string {
  const lines = [FORECAST_CSV_HEADER];
  for (const record of records) {
    const f = forecast(record.train, { period: record.period, horizon: record.horizon, levels: [80, 95] });
    for (let i = 0; i < record.horizon; i++) {
      const cells = [f.mean[i], f.lower[80][i], f.upper[80][i], f.lower[95][i], f.upper[95][i]].map(
        formatNumber,
      );
      lines.push([csvField(record.id), String(i + 1), ...cells].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1e4) / 1e4);
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
