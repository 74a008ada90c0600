import { format, parseISO } from 'date-fns';
import { enGB, zhCN } from 'date-fns/locale';
import { formatInZone } from '../../../common/time/local-date.js';
import type { ReportLanguage } from '../../subscriptions/report-subscription.entity.js';
import type { Metric } from '../weekly-report-data.js';

/**
 * Numbers and dates for people, in the reader's language. English: `1,234,567` and `¥1,234,567`.
 * Chinese: 万 and 亿 (`123.46万人次`, `12.35亿元`), as Chinese reports write them. Pure.
 */
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function chineseUnits(n: number): string {
  const abs = Math.abs(n);
  // Rounded on the integer scale (n / 1e6, not n / 1e8 * 100): 101,500,000 is 1.02亿, not 1.01.
  if (abs >= 1e8) return `${trim((Math.round(n / 1e6) / 100).toFixed(2))}亿`;
  if (abs >= 1e4) return `${trim((Math.round(n / 100) / 100).toFixed(2))}万`;
  return grouped.format(Math.round(n));
}

const trim = (fixed: string) => fixed.replace(/\.?0+$/, '');

/** A count of visitors: `1,234,567` / `123.46万`. */
export function formatCount(n: number, lang: ReportLanguage): string {
  return lang === 'en' ? grouped.format(Math.round(n)) : chineseUnits(n);
}

/** Yuan: `¥1,234,567` / `123.46万元`. */
export function formatMoney(n: number, lang: ReportLanguage): string {
  if (lang === 'en') return `${n < 0 ? '-' : ''}¥${grouped.format(Math.abs(Math.round(n)))}`;
  return `${chineseUnits(n)}元`;
}

/** A figure of a metric, with its unit in Chinese (人次 / 元) and for money in English (¥). */
export function formatFigure(n: number | null, metric: Metric, lang: ReportLanguage, missing = '—'): string {
  if (n === null || !Number.isFinite(n)) return missing;
  if (metric === 'revenue') return formatMoney(n, lang);
  return lang === 'en' ? formatCount(n, lang) : `${formatCount(n, lang)}人次`;
}

/** Yuan per visitor, to the yuan: `¥1,234` / `1,234元`. */
export function formatPerVisitor(n: number | null, lang: ReportLanguage, missing = '—'): string {
  if (n === null || !Number.isFinite(n)) return missing;
  return lang === 'en' ? `¥${grouped.format(Math.round(n))}` : `${grouped.format(Math.round(n))}元`;
}

/** A signed ratio: 0.031 -> `+3.1%`. */
export function formatChange(ratio: number | null, missing = '—'): string {
  if (ratio === null || !Number.isFinite(ratio)) return missing;
  const pct = Math.round(ratio * 1000) / 10;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct).toFixed(1)}%`;
}

/** A share: 0.72 -> `72%`. */
export function formatShare(ratio: number | null, missing = '—'): string {
  if (ratio === null || !Number.isFinite(ratio)) return missing;
  return `${Math.round(ratio * 100)}%`;
}

/** `actual / reference - 1`, or null when either is missing or the reference is 0. */
export function relative(actual: number | null, reference: number | null): number | null {
  if (actual === null || reference === null || reference === 0) return null;
  return actual / reference - 1;
}

const LOCALES = { en: enGB, 'zh-CN': zhCN } as const;

/** `4 April 2022` / `2022年4月4日`. */
export function formatDate(localDate: string, lang: ReportLanguage): string {
  return format(parseISO(localDate), 'PPP', { locale: LOCALES[lang] });
}

/** `4 Apr` / `4月4日`. */
export function formatShortDate(localDate: string, lang: ReportLanguage): string {
  return format(parseISO(localDate), lang === 'en' ? 'd MMM' : 'M月d日', { locale: LOCALES[lang] });
}

/** `Mon 4 Apr` / `4月4日 周一`. */
export function formatDay(localDate: string, lang: ReportLanguage): string {
  return format(parseISO(localDate), lang === 'en' ? 'EEE d MMM' : 'M月d日 EEE', { locale: LOCALES[lang] });
}

/** `4–10 April 2022` / `2022年4月4日至4月10日`. */
export function formatRange(start: string, end: string, lang: ReportLanguage): string {
  if (lang === 'en') {
    const sameMonth = start.slice(0, 7) === end.slice(0, 7);
    const sameYear = start.slice(0, 4) === end.slice(0, 4);
    const first = format(parseISO(start), sameMonth ? 'd' : sameYear ? 'd MMMM' : 'd MMMM yyyy', {
      locale: enGB,
    });
    return `${first}–${format(parseISO(end), 'd MMMM yyyy', { locale: enGB })}`;
  }
  const first = format(parseISO(start), 'yyyy年M月d日', { locale: zhCN });
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${first}至${format(parseISO(end), sameYear ? 'M月d日' : 'yyyy年M月d日', { locale: zhCN })}`;
}

/** An instant in the report's zone: `11 Apr 2022, 09:00` / `2022年4月11日 09:00`. */
export function formatInstant(iso: string, lang: ReportLanguage, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso, lang); // a local date, not an instant
  const zoned = formatInZone(new Date(iso), zone); // 2022-04-11T09:00:00+08:00
  const [date, time] = [zoned.slice(0, 10), zoned.slice(11, 16)];
  return lang === 'en'
    ? `${format(parseISO(date), 'd MMM yyyy', { locale: enGB })}, ${time}`
    : `${format(parseISO(date), 'yyyy年M月d日', { locale: zhCN })} ${time}`;
}
