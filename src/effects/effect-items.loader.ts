import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, type DataSource } from 'typeorm';
import { Actual } from '../actuals/actual.entity.js';
import { scopeKeyOf, type Metric } from '../actuals/metric.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { eachDay, localDatesOf, yearsBetween, type LocalDate } from '../common/time/local-date.js';
import { Event } from '../events/event.entity.js';
import { HolidayCalendar } from '../holidays/holiday-calendar.service.js';
import { effectWindow, type EffectItem, type EffectWindow } from './effect-groups.js';

/** Planned items count in overlap groups (they share a window's excess); completed ones are measured. */
const CAMPAIGN_STATUSES = ['scheduled', 'active', 'completed'];
const EVENT_STATUSES = ['approved', 'completed'];

export type WindowedItem = EffectItem & { window: EffectWindow };

/**
 * Loads what the effect measurement reads: campaigns and events with their effect windows
 * (item dates plus the configured tail) and expected increments, and daily actuals.
 *
 * Expected increments: a campaign's expected incremental visitors and revenue (city only); an
 * event's expected attendance from outside the city for the city (all of it when no share is
 * given) and its whole expected attendance for its venue, revenue = visitors times the expected
 * spend per attendee (none when no spend is given).
 */
@Injectable()
export class EffectItemsLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly holidays: HolidayCalendar,
  ) {}

  async items(): Promise<WindowedItem[]> {
    const campaigns = await this.dataSource
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .where('c.status IN (:...statuses)', { statuses: CAMPAIGN_STATUSES })
      .getMany();
    const events = await this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.venue', 'v')
      .where('e.status IN (:...statuses)', { statuses: EVENT_STATUSES })
      .getMany();
    const items: WindowedItem[] = [];
    for (const c of campaigns) {
      const item: EffectItem = {
        type: 'campaign',
        id: c.id,
        from: c.startDate,
        to: c.endDate,
        venueId: null,
        completed: c.status === 'completed',
        expected: {
          city: { visitors: c.expectedIncrementalVisitors, revenue: c.expectedIncrementalRevenueYuan },
          venue: { visitors: null, revenue: null },
        },
      };
      items.push({ ...item, window: effectWindow(item, this.config.effects.campaignTailDays) });
    }
    for (const e of events) {
      const days = localDatesOf(e.startsAt, e.endsAt, e.venue!.timeZone);
      const outside = Math.round((e.expectedAttendance * (e.expectedOutsideCitySharePct ?? 100)) / 100);
      const revenue = (visitors: number): number | null =>
        e.expectedSpendPerAttendeeYuan === null ? null : visitors * e.expectedSpendPerAttendeeYuan;
      const item: EffectItem = {
        type: 'event',
        id: e.id,
        from: days[0],
        to: days[days.length - 1],
        venueId: e.venueId,
        completed: e.status === 'completed',
        expected: {
          city: { visitors: outside, revenue: revenue(outside) },
          venue: { visitors: e.expectedAttendance, revenue: revenue(e.expectedAttendance) },
        },
      };
      items.push({ ...item, window: effectWindow(item, this.config.effects.eventTailDays) });
    }
    return items;
  }

  /** Daily actuals of a scope and metric from `from` to `to`, null where none is recorded. */
  async series(
    venueId: string | null,
    metric: Metric,
    from: LocalDate,
    to: LocalDate,
  ): Promise<(number | null)[]> {
    const rows = await this.dataSource.getRepository(Actual).find({
      select: { date: true, value: true },
      where: { scopeKey: scopeKeyOf(venueId), metric, date: Between(from, to) },
    });
    const byDate = new Map(rows.map((r) => [r.date, r.value]));
    return eachDay(from, to).map((d) => byDate.get(d) ?? null);
  }

  /** Public holidays and swapped working days from `from` to `to` (the calendar with its overrides). */
  async specialDays(from: LocalDate, to: LocalDate): Promise<boolean[]> {
    const calendars = await this.holidays.years(yearsBetween(from, to));
    const special = new Set([...calendars.values()].flatMap((c) => c.days.map((d) => d.date)));
    return eachDay(from, to).map((d) => special.has(d));
  }
}
