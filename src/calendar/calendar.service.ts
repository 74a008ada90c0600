import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
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
      q.kind === 'event' ? [] : this.campaignsIn(q),
      q.kind === 'campaign' ? [] : this.eventsIn(q, user),
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
    return { from: q.from, to: q.to, items };
  }

  private campaignsIn(q: CalendarQuery): Promise<Campaign[]> {
    if (q.status && !CAMPAIGN_STATUSES.includes(q.status as CampaignStatus)) return Promise.resolve([]);
    const qb = applyCampaignFilters(this.campaigns.createQueryBuilder('c'), {
      from: q.from,
      to: q.to,
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
    return qb.take(MAX_ITEMS + 1).getMany();
  }

  private eventsIn(q: CalendarQuery, user: AuthUser): Promise<Event[]> {
    if (q.status && !EVENT_STATUSES.includes(q.status as EventStatus)) return Promise.resolve([]);
    const qb = this.events
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .leftJoinAndSelect('e.organization', 'o');
    applyEventFilters(
      qb,
      { from: q.from, to: q.to, venueId: q.venue, status: q.status as EventStatus | undefined },
      user,
    );
    if (q.channel) qb.innerJoin('e.campaign', 'ec').andWhere('ec.channel = :channel', { channel: q.channel });
    return qb.take(MAX_ITEMS + 1).getMany();
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
