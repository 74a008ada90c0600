import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HolidayOverride } from '../holiday-override.entity.js';
import {
  HOLIDAY_DAY_KINDS,
  HOLIDAY_KEYS,
  type HolidayDay,
  type HolidayDayKind,
  type HolidayKey,
  type HolidayPeriod,
  type HolidayYear,
} from '../holiday-year.js';

export class HolidayDayView {
  @ApiProperty({ example: '2022-02-01' })
  date!: string;

  @ApiProperty({ enum: HOLIDAY_DAY_KINDS, example: 'holiday' })
  kind!: HolidayDayKind;

  @ApiProperty({ enum: HOLIDAY_KEYS, example: 'spring_festival' })
  holiday!: HolidayKey;

  @ApiProperty({ example: 'Spring Festival (春节)' })
  name!: string;

  @ApiProperty({ enum: ['package', 'override'], example: 'package' })
  origin!: 'package' | 'override';

  static of(d: HolidayDay): HolidayDayView {
    return { date: d.date, kind: d.kind, holiday: d.holiday, name: d.name, origin: d.origin };
  }
}

export class HolidayPeriodView {
  @ApiProperty({
    example: 'spring_festival',
    description:
      'Tells occurrences apart: `new_year@next` is the next year’s New Year starting in late December.',
  })
  instance!: string;

  @ApiProperty({ enum: HOLIDAY_KEYS, example: 'spring_festival' })
  holiday!: HolidayKey;

  @ApiProperty({ example: 'Spring Festival (春节)' })
  name!: string;

  @ApiPropertyOptional({ example: '2022-01-31', nullable: true, type: String })
  start!: string | null;

  @ApiPropertyOptional({ example: '2022-02-06', nullable: true, type: String })
  end!: string | null;

  @ApiProperty({ example: ['2022-01-31', '2022-02-01'], type: [String], description: 'Days off.' })
  days!: string[];

  @ApiProperty({
    example: ['2022-01-29', '2022-01-30'],
    type: [String],
    description: 'Swapped working days.',
  })
  workdays!: string[];

  static of(p: HolidayPeriod): HolidayPeriodView {
    return { ...p, days: [...p.days], workdays: [...p.workdays] };
  }
}

export class HolidayYearView {
  @ApiProperty({ example: 2022 })
  year!: number;

  @ApiProperty({
    enum: ['package', 'overrides', 'package+overrides', 'none'],
    example: 'package',
    description:
      'Where the calendar comes from: the `chinese-days` package, admin-added days, both, or nowhere (`none`: add the year’s days with PUT /api/v1/holidays/years/{year}).',
  })
  source!: HolidayYear['source'];

  @ApiProperty({
    example: true,
    description: 'Whether the package has the State Council arrangement of the year.',
  })
  packageKnowsYear!: boolean;

  @ApiProperty({ type: [HolidayPeriodView] })
  periods!: HolidayPeriodView[];

  @ApiProperty({ type: [HolidayDayView] })
  days!: HolidayDayView[];

  static of(y: HolidayYear, packageKnowsYear: boolean): HolidayYearView {
    return {
      year: y.year,
      source: y.source,
      packageKnowsYear,
      periods: y.periods.map((p) => HolidayPeriodView.of(p)),
      days: y.days.map((d) => HolidayDayView.of(d)),
    };
  }
}

export class HolidayOverrideView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2027-02-06' })
  date!: string;

  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ enum: HOLIDAY_DAY_KINDS, example: 'holiday' })
  kind!: HolidayDayKind;

  @ApiProperty({ enum: HOLIDAY_KEYS, example: 'spring_festival' })
  holiday!: HolidayKey;

  @ApiProperty({ example: 'Spring Festival (春节)' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'State Council notice' })
  note!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(o: HolidayOverride): HolidayOverrideView {
    return {
      id: o.id,
      date: o.date,
      year: o.year,
      kind: o.kind,
      holiday: o.holiday,
      name: o.name,
      note: o.note,
      createdAt: o.createdAt.toISOString(),
    };
  }
}
