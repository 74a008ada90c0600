import type { ChartPanelInput } from '../../src/reports/weekly-report/render/chart-svg.js';
import type { ChartPoint } from '../../src/reports/weekly-report/weekly-report-data.js';

const pathPoint = (date: string, path: number): ChartPoint => ({
  date,
  path,
  actual: null,
  median: null,
  lo80: null,
  hi80: null,
  lo95: null,
  hi95: null,
});

/** A chart panel whose path runs straight from 0 on 1 January to `total` on 31 December. */
export function straightPanel(
  total: number,
  { letter = 'A', year = 2022, marker = `${year}-04-10` as string | null } = {},
): ChartPanelInput {
  return {
    letter,
    metric: 'visitors',
    year,
    marker,
    points: [pathPoint(`${year}-01-01`, 0), pathPoint(`${year}-12-31`, total)],
  };
}
