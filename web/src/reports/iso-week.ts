import dayjs, { type Dayjs } from 'dayjs';

/** The ISO week (`2022-W14`, Monday first) a day belongs to. */
export function isoWeekOf(day: Dayjs): string {
  const weekday = (day.day() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = day.startOf('day').add(3 - weekday, 'day');
  const jan1 = dayjs(`${thursday.year()}-01-01`);
  const week = Math.floor(thursday.diff(jan1, 'day') / 7) + 1;
  return `${thursday.year()}-W${String(week).padStart(2, '0')}`;
}

/** Monday and Sunday of the ISO week a day belongs to. */
export function isoWeekRange(day: Dayjs): [Dayjs, Dayjs] {
  const monday = day.startOf('day').subtract((day.day() + 6) % 7, 'day');
  return [monday, monday.add(6, 'day')];
}
