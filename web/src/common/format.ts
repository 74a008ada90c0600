import dayjs from 'dayjs';
import i18n from './i18n/i18n';

/** The bureau's zone: every date and time in the console is shown in it. */
export const ZONE = 'Asia/Shanghai';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'zh-CN';
}

export function formatInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(locale()).format(Math.round(n));
}

/** Large counts: 1 234 567 as "123.5万" in Chinese and "1.23 M" in English. */
export function formatCompact(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 2 }).format(n);
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

/** An instant shown in Asia/Shanghai, e.g. 2026-05-01 09:30. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(isoDate: string | null | undefined): string {
  return isoDate ? dayjs(isoDate).format('YYYY-MM-DD') : '—';
}

export function fromNow(iso: string): string {
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(
    Math.round(dayjs(iso).diff(dayjs(), 'minute')),
    'minute',
  );
}
