import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { isoWeekOf } from './iso-week';

/** A week as ISO weeks count it, whatever day the locale starts its weeks on. */
export function weekOf(day: Dayjs): string {
  return isoWeekOf(day.startOf('week').add(1, 'day'));
}

export function WeekPicker({
  value,
  onChange,
  label,
}: {
  value: Dayjs;
  onChange: (day: Dayjs) => void;
  label: string;
}) {
  return (
    <DatePicker
      picker="week"
      aria-label={label}
      value={value}
      allowClear={false}
      format={(d) => weekOf(d)}
      onChange={(d) => d && onChange(d)}
      style={{ width: 150 }}
    />
  );
}
