import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { Metric } from '../../actuals/metric.js';
import {
  addDays,
  eachDay,
  localDateOf,
  localDatesOf,
  startOfLocalDay,
} from '../../common/time/local-date.js';
import { Campaign } from '../../campaigns/campaign.entity.js';
import { dailyAttendance, FLOW_CONTROL_SHARE } from '../../events/event-checks.js';
import { EventHistory } from '../../events/event-history.entity.js';
import { Event } from '../../events/event.entity.js';
import { VenueDemandService } from '../../events/venue-demand.service.js';
import {
  campaignContribution,
  eventContribution,
  withoutDoubleCounting,
  type ContributionDetail,
} from '../../projections/math/contribution-spread.js';
import type { ReportWeek } from '../report-week.js';
import type {
  CapacityWarning,
  Contributor,
  PendingEvent,
  UpcomingItem,
  WeeklyReportData,
} from './weekly-report-data.js';

export type PlanningDigestData = Pick<
  WeeklyReportData,
  'topContributors' | 'upcoming' | 'awaitingApproval' | 'capacityWarnings'
>;

const TOP = 6;
const UPCOMING_DAYS = 14;
/** How far ahead capacity warnings look, after the report week. */
const CAPACITY_DAYS = 28;
const LIST_MAX = 20;

/**
 * The planning calendar's part of the report (issue 3's events and campaigns): what contributed
 * in the week, what starts next, what waits for a decision, where a venue may overflow.
 */
@Injectable()
export class PlanningDigest {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demand: VenueDemandService,
  ) {}

  async digest(week: ReportWeek, now: Date, zone: string): Promise<PlanningDigestData> {
    const [topContributors, upcoming, awaitingApproval, capacityWarnings] = await Promise.all([
      this.contributors(week, zone),
      this.upcoming(week, zone),
      this.awaitingApproval(week, now, zone),
      this.capacityWarnings(week, zone),
    ]);
    return { topContributors, upcoming, awaitingApproval, capacityWarnings };
  }

  /**
   * Events (approved or completed) and campaigns (scheduled, active or completed) running in the
   * week, ranked by their incremental visitors in it, as the projection counts them: an event's
   * attendance × its outside-city share (people from the city would be here anyway), × spend per
   * attendee for revenue; a campaign's expected increment; the recorded actuals once completed;
   * each spread evenly over its days. An event linked to a campaign running in the week is inside
   * the campaign's increment and is not listed again.
   */
  private async contributors(week: ReportWeek, zone: string): Promise<Contributor[]> {
    const from = startOfLocalDay(week.start, zone);
    const to = startOfLocalDay(addDays(week.end, 1), zone);
    const dates = eachDay(week.start, week.end);
    const events = await this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .leftJoinAndSelect('e.organization', 'o')
      .where('e.status IN (:...statuses)', { statuses: ['approved', 'completed'] })
      .andWhere('e.startsAt < :to AND e.endsAt > :from', { from, to })
      .getMany();
    const campaigns = await this.dataSource
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .where('c.status IN (:...statuses)', { statuses: ['scheduled', 'active', 'completed'] })
      .andWhere('c.startDate <= :end AND c.endDate >= :start', { start: week.start, end: week.end })
      .getMany();
    const figures = (metric: Metric) =>
      new Map(
        withoutDoubleCounting(
          [
            ...events.map((e) =>
              eventContribution({ ...e, timeZone: e.venue?.timeZone ?? zone }, metric, dates),
            ),
            ...campaigns.map((c) => campaignContribution(c, metric, dates)),
          ].filter((d): d is ContributionDetail => d !== null),
        ).map((d) => [d.input.id, d]),
      );
    const visitors = figures('visitors');
    const revenue = figures('revenue');
    const weekPart = (d: ContributionDetail | undefined): number | null =>
      d ? (d.input.actual ?? d.input.daily.reduce((a, b) => a + b, 0)) : null;
    const contributor = (
      id: string,
      kind: Contributor['kind'],
      name: Contributor['name'],
      responsible: string,
      expectedOnly: { visitors: boolean; revenue: boolean },
    ): Contributor | null => {
      const v = visitors.get(id);
      if (v?.insideCampaign) return null;
      const r = revenue.get(id);
      return {
        kind,
        id,
        name,
        responsible,
        visitors: expectedOnly.visitors ? null : weekPart(v),
        revenue: expectedOnly.revenue ? null : weekPart(r),
        basis: v?.input.actual !== null && v?.input.actual !== undefined ? 'actual' : 'expected',
      };
    };
    return [
      ...events.map((e) =>
        contributor(e.id, 'event', { zh: e.titleZh, en: e.titleEn ?? '' }, e.organization?.name ?? '', {
          visitors: false,
          // Without a spend per attendee or a recorded revenue there is no revenue figure.
          revenue: e.expectedSpendPerAttendeeYuan === null && e.actualRevenueYuan === null,
        }),
      ),
      ...campaigns.map((c) =>
        contributor(c.id, 'campaign', { zh: c.name, en: c.name }, c.responsibleUnit, {
          visitors: c.expectedIncrementalVisitors === null && c.actualIncrementalVisitors === null,
          revenue: c.expectedIncrementalRevenueYuan === null && c.actualIncrementalRevenueYuan === null,
        }),
      ),
    ]
      .filter((c): c is Contributor => c !== null && (c.visitors !== null || c.revenue !== null))
      .sort((a, b) => (b.visitors ?? -1) - (a.visitors ?? -1) || (b.revenue ?? -1) - (a.revenue ?? -1))
      .slice(0, TOP);
  }

  /** Submitted or approved events and scheduled or active campaigns starting in the next two weeks. */
  private async upcoming(week: ReportWeek, zone: string): Promise<UpcomingItem[]> {
    const first = addDays(week.end, 1);
    const last = addDays(week.end, UPCOMING_DAYS);
    const events = await this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .leftJoinAndSelect('e.organization', 'o')
      .where('e.status IN (:...statuses)', { statuses: ['submitted', 'approved'] })
      .andWhere('e.startsAt >= :from AND e.startsAt < :to', {
        from: startOfLocalDay(first, zone),
        to: startOfLocalDay(addDays(last, 1), zone),
      })
      .getMany();
    const campaigns = await this.dataSource.getRepository(Campaign).find({
      where: { status: In(['scheduled', 'active']) },
    });
    const items: UpcomingItem[] = [
      ...events.map((e): UpcomingItem => {
        const days = localDatesOf(e.startsAt, e.endsAt, e.venue?.timeZone ?? zone);
        return {
          kind: 'event',
          id: e.id,
          name: { zh: e.titleZh, en: e.titleEn ?? '' },
          start: days[0],
          end: days[days.length - 1],
          status: e.status,
          venue: e.venue ? { zh: e.venue.nameZh, en: e.venue.nameEn } : null,
          responsible: e.organization?.name ?? '',
          expectedVisitors: e.expectedAttendance,
        };
      }),
      ...campaigns
        .filter((c) => c.startDate >= first && c.startDate <= last)
        .map((c): UpcomingItem => ({
          kind: 'campaign',
          id: c.id,
          name: { zh: c.name, en: c.name },
          start: c.startDate,
          end: c.endDate,
          status: c.status,
          venue: null,
          responsible: c.responsibleUnit,
          expectedVisitors: c.expectedIncrementalVisitors,
        })),
    ];
    return items
      .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
      .slice(0, LIST_MAX);
  }

  /**
   * Events awaiting a decision (submitted now) that had not ended by the end of the report week,
   * soonest first, with when they were (last) submitted. Measured against the week, not against
   * "now": the report of a past week (the demo's 2022-W14, read years later) lists what was
   * pending then, not nothing because every 2022 event has ended since.
   */
  private async awaitingApproval(week: ReportWeek, now: Date, zone: string): Promise<PendingEvent[]> {
    const weekOver = startOfLocalDay(addDays(week.end, 1), zone);
    const cutoff = now < weekOver ? now : weekOver;
    const events = await this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .leftJoinAndSelect('e.organization', 'o')
      .where('e.status = :status', { status: 'submitted' })
      .andWhere('e.endsAt > :cutoff', { cutoff })
      .orderBy('e.startsAt', 'ASC')
      .take(LIST_MAX)
      .getMany();
    if (!events.length) return [];
    const submits = await this.dataSource
      .getRepository(EventHistory)
      .createQueryBuilder('h')
      .select('h.eventId', 'eventId')
      .addSelect('MAX(h.at)', 'at')
      .where('h.eventId IN (:...ids)', { ids: events.map((e) => e.id) })
      .andWhere('h.action = :action', { action: 'submit' })
      .groupBy('h.eventId')
      .getRawMany<{ eventId: string; at: string | Date }>();
    const submittedAt = new Map(submits.map((s) => [s.eventId, asIso(s.at)]));
    return events.map((e) => {
      const zone = e.venue?.timeZone;
      return {
        id: e.id,
        name: { zh: e.titleZh, en: e.titleEn ?? '' },
        organizer: e.organization?.name ?? '',
        venue: e.venue ? { zh: e.venue.nameZh, en: e.venue.nameEn } : { zh: '', en: '' },
        start: localDateOf(e.startsAt, zone),
        end: localDatesOf(e.startsAt, e.endsAt, zone).at(-1) ?? localDateOf(e.endsAt, zone),
        submittedAt: submittedAt.get(e.id) ?? null,
        expectedAttendance: e.expectedAttendance,
      };
    });
  }

  /**
   * Submitted or approved events in the four weeks after the report week whose day at the venue
   * (their own daily attendance plus the venue's other expected visitors, as the approval check
   * counts them) passes 80 % of the venue's daily carrying capacity: the worst day of each.
   */
  private async capacityWarnings(week: ReportWeek, zone: string): Promise<CapacityWarning[]> {
    const first = addDays(week.end, 1);
    const last = addDays(week.end, CAPACITY_DAYS);
    const events = await this.dataSource
      .getRepository(Event)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.venue', 'v')
      .where('e.status IN (:...statuses)', { statuses: ['submitted', 'approved'] })
      .andWhere('v.maxDailyCapacity IS NOT NULL')
      .andWhere('e.startsAt < :to AND e.endsAt > :from', {
        from: startOfLocalDay(first, zone),
        to: startOfLocalDay(addDays(last, 1), zone),
      })
      .orderBy('e.startsAt', 'ASC')
      .getMany();
    const warnings: CapacityWarning[] = [];
    for (const e of events) {
      const venue = e.venue!;
      const capacity = venue.maxDailyCapacity!;
      const { days, perDay } = dailyAttendance(e, venue.timeZone);
      const ahead = days.filter((d) => d >= first && d <= last);
      if (!ahead.length) continue;
      const others = await this.demand.expectedVisitors(venue, ahead, e.id);
      let worst: { date: string; expected: number } | null = null;
      for (const date of ahead) {
        const expected = perDay + (others.get(date)?.visitors ?? 0);
        if (!worst || expected > worst.expected) worst = { date, expected };
      }
      if (!worst || worst.expected <= capacity * FLOW_CONTROL_SHARE) continue;
      warnings.push({
        eventId: e.id,
        name: { zh: e.titleZh, en: e.titleEn ?? '' },
        venue: { zh: venue.nameZh, en: venue.nameEn },
        date: worst.date,
        expected: worst.expected,
        capacity,
        level: worst.expected > capacity ? 'over' : 'near',
        status: e.status,
      });
    }
    return warnings.slice(0, LIST_MAX);
  }
}

/** MAX(at) comes back as a Date, or as text on SQLite (`2022-04-08 02:00:00.000`, UTC). */
function asIso(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const text = value.includes('T') ? value : `${value.replace(' ', 'T')}Z`;
  return new Date(text).toISOString();
}
