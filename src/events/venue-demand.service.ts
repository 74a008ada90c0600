import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ActualsQueryService } from '../actuals/actuals-query.service.js';
import { addDays, localDate, startOfLocalDay, yearOf, type LocalDate } from '../common/time/local-date.js';
import { TargetPathService, type TargetPath } from '../targets/target-path.service.js';
import { TargetsService } from '../targets/targets.service.js';
import { dailyAttendance, type VenueDemand } from './event-checks.js';
import { Event } from './event.entity.js';

/**
 * "The venue's expected visitors" on given local days, which the capacity check adds to an
 * event's daily attendance: the sum of the other approved events' daily attendance at the
 * venue, plus the venue's ordinary visitors ({@link VenueDemandService.baselineVisitors}).
 */
@Injectable()
export class VenueDemandService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly targets: TargetsService,
    private readonly paths: TargetPathService,
    private readonly actuals: ActualsQueryService,
  ) {}

  async expectedVisitors(
    venue: { id: string; timeZone: string },
    days: string[],
    excludeEventId: string | null,
  ): Promise<VenueDemand> {
    const demand: VenueDemand = new Map(days.map((d) => [d, { visitors: 0, eventIds: [] }]));
    if (!days.length) return demand;
    for (const [day, visitors] of await this.baselineVisitors(venue.id, days)) {
      const entry = demand.get(day);
      if (entry) entry.visitors += visitors;
    }
    for (const event of await this.approvedEventsOn(venue, days, excludeEventId)) {
      const { days: eventDays, perDay } = dailyAttendance(event, venue.timeZone);
      for (const day of eventDays) {
        const entry = demand.get(day);
        if (!entry) continue;
        entry.visitors += perDay;
        entry.eventIds.push(event.id);
      }
    }
    return demand;
  }

  /**
   * Ordinary (non-event) visitors expected at the venue per day: what the venue's visitors
   * target path expects that day when the year has such a target, otherwise the venue's recorded
   * visitors on the same date a year earlier (29 February: the 28th). Days with neither are left
   * out (counted as 0). The path is computed once per distinct inputs ({@link TargetPathService.path}),
   * and its inputs are not even read while only events and campaigns changed since
   * ({@link TargetPathService.ofTarget}).
   */
  async baselineVisitors(venueId: string, days: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const years = new Map<number, LocalDate[]>();
    for (const day of days) years.set(yearOf(day), [...(years.get(yearOf(day)) ?? []), day]);
    for (const [year, yearDays] of years) {
      const [target] = await this.targets.rows({ year, metric: 'visitors', venueId });
      if (target) {
        const expected = expectedByDate((await this.paths.ofTarget(target)).days);
        for (const day of yearDays) result.set(day, expected.get(day) ?? 0);
        continue;
      }
      const earlier = yearDays.map(sameDateAYearEarlier);
      const range = [...earlier].sort();
      const values = await this.actuals.dailyValues(
        { metric: 'visitors', venueId },
        range[0],
        range[range.length - 1],
      );
      yearDays.forEach((day, i) => {
        const value = values.get(earlier[i]);
        if (value !== undefined) result.set(day, value);
      });
    }
    return result;
  }

  private approvedEventsOn(
    venue: { id: string; timeZone: string },
    days: string[],
    excludeEventId: string | null,
  ): Promise<Event[]> {
    const qb = this.events
      .createQueryBuilder('e')
      .where('e.venueId = :venueId', { venueId: venue.id })
      .andWhere('e.status = :status', { status: 'approved' })
      .andWhere('e.startsAt < :end', {
        end: startOfLocalDay(addDays(days[days.length - 1], 1), venue.timeZone),
      })
      .andWhere('e.endsAt > :start', { start: startOfLocalDay(days[0], venue.timeZone) });
    if (excludeEventId) qb.andWhere('e.id <> :self', { self: excludeEventId });
    return qb.getMany();
  }
}

/**
 * A path's expected figure by date, made once per computed path: TargetPathService answers the
 * same `days` array while the path's inputs are unchanged, so capacity checks reuse the map.
 */
const byDate = new WeakMap<TargetPath['days'], Map<LocalDate, number>>();
function expectedByDate(days: TargetPath['days']): Map<LocalDate, number> {
  let map = byDate.get(days);
  if (!map) byDate.set(days, (map = new Map(days.map((d) => [d.date, d.expected]))));
  return map;
}

function sameDateAYearEarlier(date: LocalDate): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  return month === 2 && day === 29 ? localDate(year - 1, 2, 28) : localDate(year - 1, month, day);
}
