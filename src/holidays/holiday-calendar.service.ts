import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { packageHolidayDays } from './chinese-days-source.js';
import { HolidayOverride } from './holiday-override.entity.js';
import { buildHolidayYear, type HolidayDay, type HolidayYear } from './holiday-year.js';

/**
 * The public holidays of a year: the `chinese-days` package's State Council arrangements merged
 * with the days admins added (`holiday_overrides`), the admins' days winning date by date.
 * Reads the overrides on every call (a handful of rows), so every process sees an admin's
 * change at once.
 */
@Injectable()
export class HolidayCalendar {
  constructor(@InjectRepository(HolidayOverride) private readonly overrides: Repository<HolidayOverride>) {}

  async year(year: number): Promise<HolidayYear> {
    return (await this.years([year])).get(year)!;
  }

  async years(years: number[]): Promise<Map<number, HolidayYear>> {
    const distinct = [...new Set(years)];
    const rows = distinct.length ? await this.overrides.findBy({ year: In(distinct) }) : [];
    const result = new Map<number, HolidayYear>();
    for (const year of distinct) {
      const overrides = rows.filter((r) => r.year === year).map(overrideDay);
      result.set(year, buildHolidayYear(year, packageHolidayDays(year), overrides));
    }
    return result;
  }

  /** True when the package has the State Council arrangement of the year. */
  packageKnows(year: number): boolean {
    return packageHolidayDays(year).length > 0;
  }
}

export const overrideDay = (row: HolidayOverride): HolidayDay => ({
  date: row.date,
  kind: row.kind,
  holiday: row.holiday,
  name: row.name,
  origin: 'override',
});
