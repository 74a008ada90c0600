import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-error.js';
import { yearOf } from '../common/time/local-date.js';
import { newId } from '../infra/database/new-id.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import type { HolidayDayDto } from './dto/holiday-day.dto.js';
import { HolidayCalendar } from './holiday-calendar.service.js';
import { HolidayOverride } from './holiday-override.entity.js';
import { HOLIDAY_NAMES, type HolidayYear } from './holiday-year.js';

/** Admin-added holiday days; every change re-projects the targets of the year. */
@Injectable()
export class HolidaysService {
  constructor(
    @InjectRepository(HolidayOverride) private readonly overrides: Repository<HolidayOverride>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: HolidayCalendar,
    private readonly projections: ProjectionInputs,
  ) {}

  async year(year: number): Promise<{ calendar: HolidayYear; packageKnowsYear: boolean }> {
    return { calendar: await this.calendar.year(year), packageKnowsYear: this.calendar.packageKnows(year) };
  }

  listOverrides(year: number): Promise<HolidayOverride[]> {
    return this.overrides.find({ where: { year }, order: { date: 'ASC' } });
  }

  async add(dto: HolidayDayDto, user: AuthUser): Promise<HolidayOverride> {
    if (await this.overrides.existsBy({ date: dto.date })) {
      throw new ConflictError(
        'holiday_override_exists',
        `${dto.date} already has an added holiday day: delete it first, or replace the year's days`,
      );
    }
    const row = this.row(dto, user);
    await this.projections.transaction(async (manager, changed) => {
      await manager.insert(HolidayOverride, row);
      await changed({ source: 'holiday', years: [row.year], allVenues: true });
    });
    return this.overrides.findOneByOrFail({ id: row.id });
  }

  /** Replaces all the added days of a year at once (idempotent). */
  async replaceYear(year: number, days: HolidayDayDto[], user: AuthUser): Promise<HolidayOverride[]> {
    if (year < 2000 || year > 2100)
      throw new ValidationError('year must be between 2000 and 2100', [
        { field: 'year', problems: ['must be between 2000 and 2100'] },
      ]);
    const problems = days.flatMap((d, i) =>
      yearOf(d.date) !== year ? [{ field: `days.${i}.date`, problems: [`${d.date} is not in ${year}`] }] : [],
    );
    const seen = new Set<string>();
    days.forEach((d, i) => {
      if (seen.has(d.date))
        problems.push({ field: `days.${i}.date`, problems: [`${d.date} is listed twice`] });
      seen.add(d.date);
    });
    if (problems.length) {
      throw new ValidationError(problems.flatMap((p) => p.problems).join('; '), problems);
    }
    await this.projections.transaction(async (manager, changed) => {
      await manager.delete(HolidayOverride, { year });
      if (days.length)
        await manager.insert(
          HolidayOverride,
          days.map((d) => this.row(d, user)),
        );
      await changed({ source: 'holiday', years: [year], allVenues: true });
    });
    return this.listOverrides(year);
  }

  async remove(id: string): Promise<void> {
    const row = await this.overrides.findOneBy({ id });
    if (!row) throw new NotFoundError('Holiday day', id);
    await this.projections.transaction(async (manager, changed) => {
      await manager.delete(HolidayOverride, { id });
      await changed({ source: 'holiday', years: [row.year], allVenues: true });
    });
  }

  private row(dto: HolidayDayDto, user: AuthUser): HolidayOverride {
    return this.overrides.create({
      id: newId(),
      date: dto.date,
      year: yearOf(dto.date),
      kind: dto.kind,
      holiday: dto.holiday,
      name: dto.name ?? HOLIDAY_NAMES[dto.holiday],
      note: dto.note ?? null,
      createdById: user.id,
    });
  }
}
