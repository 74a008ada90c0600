import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, Not, type DataSource } from 'typeorm';
import type { ActualScope } from '../../actuals/actuals-query.service.js';
import { Campaign } from '../../campaigns/campaign.entity.js';
import type { CampaignStatus } from '../../campaigns/campaign-status.js';
import { addDays, startOfLocalDay, type LocalDate } from '../../common/time/local-date.js';
import { CONTRIBUTING_EVENT_STATUSES, countedAs } from '../../events/event-status.js';
import { rawRowHydrator } from '../../infra/database/raw-row-hydrator.js';
import { Venue } from '../../venues/venue.entity.js';
import { Event } from '../../events/event.entity.js';
import {
  campaignContribution,
  eventContribution,
  withoutDoubleCounting,
  type ContributionDetail,
  type EventFacts,
} from '../math/contribution-spread.js';

/** Campaigns that count: scheduled and active (their expectation) and completed (their measured increment). */
export const CONTRIBUTING_CAMPAIGN_STATUSES: CampaignStatus[] = ['scheduled', 'active', 'completed'];

/**
 * The columns a contribution is made from (the approved plan for events awaiting re-approval):
 * a city target reads hundreds of events, and their descriptions and contacts were most of it.
 */
const EVENT_FACTS = {
  id: true,
  titleZh: true,
  titleEn: true,
  status: true,
  venueId: true,
  startsAt: true,
  endsAt: true,
  expectedAttendance: true,
  expectedOutsideCitySharePct: true,
  expectedSpendPerAttendeeYuan: true,
  actualAttendance: true,
  actualRevenueYuan: true,
  campaignId: true,
  approvedPlan: true,
} as const;

const EVENT_FACT_COLUMNS = Object.keys(EVENT_FACTS) as Array<keyof typeof EVENT_FACTS>;
/** An event as its contribution reads it. */
type EventFactRow = Pick<Event, keyof typeof EVENT_FACTS>;

/** The rows behind a scope's contributions, whichever metric is projected. */
interface ContributionRows {
  /** Events as counted (an event awaiting re-approval with its approved plan), in their zones. */
  counted: Array<EventFacts & { pendingReapproval: boolean }>;
  campaigns: Campaign[];
}

/**
 * The rows one build has read, by venue (or city) and year: a revenue target's build projects
 * the visitors target of the same scope too, and reads the same events and campaigns once.
 */
export type ContributionReads = Map<string, Promise<ContributionRows>>;

/**
 * Loads the events and campaigns that feed a target's projection: events at the target's venue
 * for a venue target, every event for a city target; campaigns (city-wide, no venue) for city
 * targets only. In a stable order, so equal data gives equal inputs.
 */
@Injectable()
export class ContributionLoader {
  private hydrateEventFacts?: (raw: Record<string, unknown>) => EventFactRow;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `reads`: rows already read by the same build, reused (and added to). */
  async load(
    scope: ActualScope,
    dates: readonly LocalDate[],
    reads: ContributionReads = new Map(),
  ): Promise<ContributionDetail[]> {
    if (!dates.length) return [];
    const key = `${scope.venueId ?? 'city'}:${dates[0]}:${dates[dates.length - 1]}`;
    let rows = reads.get(key);
    if (!rows) {
      rows = this.rows(scope.venueId, dates[0], dates[dates.length - 1]);
      reads.set(key, rows);
    }
    const { counted, campaigns } = await rows;
    const details: ContributionDetail[] = [];
    for (const e of counted) {
      const detail = eventContribution(e, scope.metric, dates);
      if (!detail) continue;
      if (e.pendingReapproval) {
        detail.pendingReapproval = true;
        detail.basis +=
          '; awaiting re-approval after a change: its last approved dates, venue and attendance';
      }
      details.push(detail);
    }
    if (scope.venueId) return details;
    for (const c of campaigns) {
      const detail = campaignContribution(c, scope.metric, dates);
      if (detail) details.push(detail);
    }
    return withoutDoubleCounting(details);
  }

  private async rows(venueId: string | null, first: LocalDate, last: LocalDate): Promise<ContributionRows> {
    // Generous instant bounds (any zone within a day of UTC+8); exact days are cut by the spread.
    const from = startOfLocalDay(addDays(first, -1));
    const to = startOfLocalDay(addDays(last, 2));
    const events = await this.eventsAtVenues(venueId, from, to);
    // Events awaiting re-approval count with their approved plan (few: filtered here).
    const awaiting = await this.dataSource.getRepository(Event).find({
      select: EVENT_FACTS,
      where: { status: 'submitted', approvedPlan: Not(IsNull()) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const zones = await this.venueZones(awaiting.map((e) => e.approvedPlan!.venueId));
    const counted = [...events, ...awaiting.map((e) => ({ ...e, timeZone: undefined as string | undefined }))]
      .flatMap((e) => {
        const as = countedAs(e);
        return as ? [as] : [];
      })
      .filter(
        (e) =>
          (!venueId || e.venueId === venueId) &&
          e.startsAt.getTime() < to.getTime() &&
          e.endsAt.getTime() > from.getTime(),
      )
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
      .map((e) => ({ ...e, timeZone: e.timeZone ?? zones.get(e.venueId) ?? 'Asia/Shanghai' }));
    const campaigns = venueId
      ? []
      : await this.dataSource.getRepository(Campaign).find({
          where: {
            status: In(CONTRIBUTING_CAMPAIGN_STATUSES),
            startDate: LessThanOrEqual(last),
            endDate: MoreThanOrEqual(first),
          },
          order: { startDate: 'ASC', id: 'ASC' },
        });
    return { counted, campaigns };
  }

  /**
   * The contributing events overlapping [from, to), with their venue's time zone, as plain rows
   * hydrated column by column (rawRowHydrator: types and transformers as TypeORM's own): a city
   * reads hundreds of events per build, and entity hydration with the venue relation was most of
   * a cold build's read (26 ms of 450 events in a fresh worker, 7 ms warm).
   */
  private async eventsAtVenues(
    venueId: string | null,
    from: Date,
    to: Date,
  ): Promise<Array<EventFactRow & { timeZone: string | undefined }>> {
    const query = this.dataSource
      .createQueryBuilder()
      .select('v.timeZone', 'timeZone')
      .from(Event, 'e')
      .innerJoin(Venue, 'v', 'v.id = e.venueId')
      .where('e.status IN (:...statuses)', { statuses: CONTRIBUTING_EVENT_STATUSES })
      .andWhere('e.startsAt < :to', { to })
      .andWhere('e.endsAt > :from', { from })
      .orderBy('e.startsAt', 'ASC')
      .addOrderBy('e.id', 'ASC');
    for (const column of EVENT_FACT_COLUMNS) query.addSelect(`e.${column}`, column);
    if (venueId) query.andWhere('e.venueId = :venueId', { venueId });
    this.hydrateEventFacts ??= rawRowHydrator(this.dataSource, Event, EVENT_FACT_COLUMNS);
    const hydrate = this.hydrateEventFacts;
    return (await query.getRawMany<Record<string, unknown>>()).map((raw) => ({
      ...hydrate(raw),
      timeZone: raw.timeZone as string | undefined,
    }));
  }

  private async venueZones(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const venues = await this.dataSource
      .getRepository(Venue)
      .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, timeZone: true } });
    return new Map(venues.map((v) => [v.id, v.timeZone]));
  }
}
