import type { Dayjs } from 'dayjs';
import type { Schemas } from '../common/api/client';

export type HolidayDay = Schemas['HolidayDayDto'];
export type Holiday = Schemas['HolidayDayDto']['holiday'];
export type Kind = Schemas['HolidayDayDto']['kind'];

/** The holidays an added day can belong to, in the order of the year. */
export const HOLIDAYS: Holiday[] = [
  'new_year',
  'spring_festival',
  'qingming',
  'may_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
  'other',
];

/** One added day as the console's forms hold it. */
export interface HolidayRow {
  date: Dayjs;
  kind: Kind;
  holiday: Holiday;
  name?: string;
  note?: string;
}

/** `rows` with those of `added` put in place of any on the same dates, in date order. */
export function mergeRows(rows: readonly HolidayRow[], added: readonly HolidayRow[]): HolidayRow[] {
  const day = (r: HolidayRow) => r.date.format('YYYY-MM-DD');
  const dates = new Set(added.map(day));
  return [...rows.filter((r) => !dates.has(day(r))), ...added].sort(
    (a, b) => a.date.valueOf() - b.date.valueOf(),
  );
}

/** A row as the API takes it: the date as `YYYY-MM-DD`, name and note trimmed and left out when empty. */
export function holidayDay(row: HolidayRow): HolidayDay {
  return {
    date: row.date.format('YYYY-MM-DD'),
    kind: row.kind,
    holiday: row.holiday,
    ...(row.name?.trim() ? { name: row.name.trim() } : {}),
    ...(row.note?.trim() ? { note: row.note.trim() } : {}),
  };
}
