import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { UnprocessableError, ValidationError } from '../common/errors/domain-error.js';
import { addDays, diffDays, localDateOf, localDatesOf, startOfLocalDay } from '../common/time/local-date.js';
import { applyCampaignFilters } from '../campaigns/campaign-query.js';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../campaigns/campaign-status.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { applyEventFilters } from '../events/event-query.js';
import { EVENT_STATUSES, type EventStatus } from '../events/event-status.js';
import { Event } from '../events/event.entity.js';
import type { CalendarItemView, CalendarView } from './dto/calendar-item.view.js';
import type { CalendarQuery } from './dto/calendar.query.js';

/** Local days, both ends optional: what overlaps them. */
interface Window {
  from?: string;
  to?: string;
}

export const MAX_CALENDAR_DAYS = 400;
const MAX_ITEMS = 5000;

/** The planning calendar: campaigns and the events the user may see, in one chronological list. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(Event) private readonly events: Repository<Event>,
  ) {}

  async view(q: CalendarQuery, user: AuthUser): Promise<CalendarView> {
    if (q.from > q.to) {
      throw new ValidationError(`from (${q.from}) must not be after to (${q.to})`, [
        { field: 'to', problems: ['to must not be before from'] },
      ]);
    }
    if (diffDays(q.from, q.to) >= MAX_CALENDAR_DAYS) {
      throw new ValidationError(`The calendar spans at most ${MAX_CALENDAR_DAYS} days; narrow from/to`, [
        { field: 'to', problems: [`to must be less than ${MAX_CALENDAR_DAYS} days after from`] },
      ]);
    }
    const [campaigns, events] = await Promise.all([
      this.campaignsIn(q, q)
        ?.take(MAX_ITEMS + 1)
        .getMany() ?? [],
      this.eventsIn(q, user, q)
        ?.take(MAX_ITEMS + 1)
        .getMany() ?? [],
    ]);
    if (campaigns.length > MAX_ITEMS || events.length > MAX_ITEMS) {
      throw new UnprocessableError(
        'calendar_too_large',
        `More than ${MAX_ITEMS} items: narrow the dates or filters`,
      );
    }
    const items = [...campaigns.map(campaignItem), ...events.map(eventItem)].sort(
      (a, b) =>
        a.startsAt.localeCompare(b.startsAt) ||
        a.endsAt.localeCompare(b.endsAt) ||
        a.kind.localeCompare(b.kind) ||
        a.id.localeCompare(b.id),
    );
    const nearest = items.length ? { earlier: null, later: null } : await this.nearest(q, user);
    return { from: q.from, to: q.to, items, ...nearest };
  }

  /**
   * For an empty period: the last day of the nearest item that ended before it and the first day
   * of the nearest that starts after it, under the same filters and visibility (null when none).
   */
  private async nearest(q: CalendarQuery, user: AuthUser): Promise<Pick<CalendarView, 'earlier' | 'later'>> {
    const before = { to: addDays(q.from, -1) };
    const after = { from: addDays(q.to, 1) };
    const [campaignBefore, campaignAfter, eventBefore, eventAfter] = await Promise.all([
      this.campaignsIn(q, before)?.orderBy('c.endDate', 'DESC').getOne(),
      this.campaignsIn(q, after)?.getOne(),
      this.eventsIn(q, user, before)?.orderBy('e.endsAt', 'DESC').addOrderBy('e.id', 'DESC').getOne(),
      this.eventsIn(q, user, after)?.getOne(),
    ]);
    const days = (found: (CalendarItemView | null)[], day: 'startDate' | 'endDate'): string[] =>
      found.flatMap((item) => (item ? [item[day]] : [])).sort();
    const earlier = days(
      [campaignBefore ? campaignItem(campaignBefore) : null, eventBefore ? eventItem(eventBefore) : null],
      'endDate',
    );
    const later = days(
      [campaignAfter ? campaignItem(campaignAfter) : null, eventAfter ? eventItem(eventAfter) : null],
      'startDate',
    );
    return { earlier: earlier.at(-1) ?? null, later: later[0] ?? null };
  }

  /** The campaigns matching the filters in a window (undefined when the kind or status rules them out). */
  private campaignsIn(q: CalendarQuery, window: Window): SelectQueryBuilder<Campaign> | undefined {
    if (q.kind === 'event') return undefined;
    if (q.status && !CAMPAIGN_STATUSES.includes(q.status as CampaignStatus)) return undefined;
    const qb = applyCampaignFilters(this.campaigns.createQueryBuilder('c'), {
      from: window.from,
      to: window.to,
      channel: q.channel,
      status: q.status as CampaignStatus | undefined,
    });
    if (q.venue) {
      const linked = this.events
        .createQueryBuilder('le')
        .select('le.campaignId')
        .where('le.venueId = :venue')
        .andWhere('le.campaignId IS NOT NULL');
      qb.andWhere(`c.id IN (${linked.getQuery()})`, { venue: q.venue });
    }
    return qb;
  }

  /** The events the user may see matching the filters in a window (undefined when the kind or status rules them out). */
  private eventsIn(q: CalendarQuery, user: AuthUser, window: Window): SelectQueryBuilder<Event> | undefined {
    if (q.kind === 'campaign') return undefined;
    if (q.status && !EVENT_STATUSES.includes(q.status as EventStatus)) return undefined;
    const qb = this.events
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .leftJoinAndSelect('e.organization', 'o');
    applyEventFilters(
      qb,
      { from: window.from, to: window.to, venueId: q.venue, status: q.status as EventStatus | undefined },
      user,
    );
    if (q.channel) qb.innerJoin('e.campaign', 'ec').andWhere('ec.channel = :channel', { channel: q.channel });
    return qb;
  }
}

function campaignItem(c: Campaign): CalendarItemView {
  return {
    kind: 'campaign',
    id: c.id,
    title: c.name,
    titleEn: null,
    status: c.status,
    startDate: c.startDate,
    endDate: c.endDate,
    startsAt: startOfLocalDay(c.startDate).toISOString(),
    endsAt: startOfLocalDay(addDays(c.endDate, 1)).toISOString(),
    allDay: true,
    channel: c.channel,
    category: null,
    venueId: null,
    venueName: null,
    campaignId: null,
  };
}

function eventItem(e: Event): CalendarItemView {
  const zone = e.venue!.timeZone;
  return {
    kind: 'event',
    id: e.id,
    title: e.titleZh,
    titleEn: e.titleEn,
    status: e.status,
    startDate: localDateOf(e.startsAt, zone),
    endDate: localDatesOf(e.startsAt, e.endsAt, zone).at(-1)!,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    allDay: false,
    channel: null,
    category: e.category,
    venueId: e.venueId,
    venueName: e.venue!.nameZh,
    campaignId: e.campaignId,
  };
}
