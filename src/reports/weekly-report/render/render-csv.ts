import { toCsv } from '../../../common/http/csv.js';
import type { ReportLanguage } from '../../subscriptions/report-subscription.entity.js';
import type { WeeklyReportData } from '../weekly-report-data.js';
import { MESSAGES } from './messages.js';
import { nameIn } from './report-view.js';

/**
 * The weekly figures as CSV: one row per target, plain numbers (no 万, no ¥) for spreadsheets,
 * labels in the reader's language, UTF-8 with a BOM so Excel reads the Chinese. Pure.
 */
export function renderCsv(data: WeeklyReportData, lang: ReportLanguage): string {
  const m = MESSAGES[lang];
  const ratio = (a: number | null, b: number | null) =>
    a === null || b === null || b === 0 ? '' : (a / b - 1).toFixed(4);
  const rows = data.targets.map((t) => {
    const p = t.projection;
    return [
      t.targetId,
      m.metric[t.metric],
      nameIn(t.scope.name, lang),
      t.year,
      data.week.key,
      data.week.start,
      data.week.end,
      t.week.actual ?? '',
      t.week.path === null ? '' : Math.round(t.week.path),
      ratio(t.week.actual, t.week.path),
      t.yearToDate.actual ?? '',
      t.yearToDate.path === null ? '' : Math.round(t.yearToDate.path),
      ratio(t.yearToDate.actual, t.yearToDate.path),
      t.targetTotal ?? '',
      p ? Math.round(p.median) : '',
      p ? Math.round(p.interval80[0]) : '',
      p ? Math.round(p.interval80[1]) : '',
      p ? Math.round(p.interval95[0]) : '',
      p ? Math.round(p.interval95[1]) : '',
      p ? p.probability.toFixed(3) : '',
      p ? m.status[p.status] : m.statusUnknown,
      t.weeklyRunRateNeeded === null ? '' : Math.round(t.weeklyRunRateNeeded),
      t.revenuePerVisitor?.actual == null ? '' : t.revenuePerVisitor.actual.toFixed(2),
      t.revenuePerVisitor?.baseline == null ? '' : t.revenuePerVisitor.baseline.toFixed(2),
      `${t.week.daysWithActuals}/${t.week.days}`,
      t.missingDays.join(' '),
      p?.asOf ?? '',
    ];
  });
  return toCsv(m.csv.columns, rows);
}
