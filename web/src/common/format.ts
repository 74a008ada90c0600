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

// Year, month, day, hour and minute in the bureau's zone, read back from the parts.
const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function zoned(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(PARTS.formatToParts(date).map((part) => [part.type, part.value]));
}

/** An instant shown in Asia/Shanghai, e.g. 2026-05-01 09:30. */
export function formatDateTime(iso: string | null | undefined): string {
  const p = iso ? zoned(iso) : null;
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

/** A calendar date as given (2026-05-01), or an instant's date in Asia/Shanghai. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const p = zoned(isoDate);
  return p ? `${p.year}-${p.month}-${p.day}` : '—';
}

export function fromNow(iso: string): string {
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(
    Math.round((Date.parse(iso) - Date.now()) / 60_000),
    'minute',
  );
}
