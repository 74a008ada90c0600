import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { addDays, formatInZone } from '../common/time/local-date.js';
import { CHANNEL_LABELS } from '../campaigns/campaign-status.js';
import type { Campaign } from '../campaigns/campaign.entity.js';
import type { EventStatus } from '../events/event-status.js';
import type { Event } from '../events/event.entity.js';

/** The domain part of every UID: fixed, so UIDs survive a change of the public URL. */
export const UID_DOMAIN = 'tourism-recovery-planner';

export const eventUid = (id: string): string => `event-${id}@${UID_DOMAIN}`;
export const campaignUid = (id: string): string => `campaign-${id}@${UID_DOMAIN}`;

const EVENT_STATUS: Record<EventStatus, ICalEventStatus> = {
  draft: ICalEventStatus.TENTATIVE,
  submitted: ICalEventStatus.TENTATIVE,
  approved: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  rejected: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * Builds RFC 5545 calendars (ical-generator). Every entry has a stable UID, SEQUENCE = the row's
 * version and LAST-MODIFIED, so subscribed calendar apps update entries in place; cancelled (and
 * rejected) entries stay in the feed with STATUS:CANCELLED so that apps remove them visibly.
 */
export function buildCalendar(options: {
  name: string;
  description: string;
  url?: string;
  events: Event[];
  campaigns?: Campaign[];
}): string {
  const calendar = ical({
    name: options.name,
    description: options.description,
    prodId: { company: 'Zhangjiajie tourism bureau', product: 'Tourism recovery planner', language: 'ZH' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
    url: options.url ?? null,
  });
  for (const event of options.events) addEvent(calendar, event);
  for (const campaign of options.campaigns ?? []) addCampaign(calendar, campaign);
  return calendar.toString();
}

function addEvent(calendar: ICalCalendar, e: Event): void {
  const venue = e.venue!;
  const lines = [
    e.titleEn,
    e.description,
    `${formatInZone(e.startsAt, venue.timeZone)} – ${formatInZone(e.endsAt, venue.timeZone)} (${venue.timeZone})`,
    e.ticketingUrl ? `Tickets: ${e.ticketingUrl}` : null,
    e.status === 'rejected' ? 'Not approved.' : null,
    e.status === 'cancelled' ? `Cancelled${e.cancellationReason ? `: ${e.cancellationReason}` : ''}` : null,
  ];
  calendar.createEvent({
    id: eventUid(e.id),
    start: e.startsAt,
    end: e.endsAt,
    summary: e.titleEn ? `${e.titleZh} / ${e.titleEn}` : e.titleZh,
    description: lines.filter(Boolean).join('\n'),
    location: `${venue.nameZh} (${venue.nameEn})`,
    url: e.ticketingUrl,
    categories: [{ name: e.category }],
    status: EVENT_STATUS[e.status],
    sequence: e.version,
    created: e.createdAt,
    lastModified: e.updatedAt,
    stamp: e.updatedAt,
  });
}

function addCampaign(calendar: ICalCalendar, c: Campaign): void {
  calendar.createEvent({
    id: campaignUid(c.id),
    allDay: true,
    // All-day dates: ical-generator writes the UTC calendar date of these instants.
    start: new Date(`${c.startDate}T00:00:00Z`),
    end: new Date(`${addDays(c.endDate, 1)}T00:00:00Z`),
    summary: `[营销 campaign] ${c.name}`,
    description: [
      CHANNEL_LABELS[c.channel],
      c.description,
      `Responsible unit: ${c.responsibleUnit}`,
      c.targetMarkets.length ? `Target markets: ${c.targetMarkets.join(', ')}` : null,
      c.status === 'cancelled' ? `Cancelled${c.cancellationReason ? `: ${c.cancellationReason}` : ''}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
    categories: [{ name: 'campaign' }, { name: c.channel }],
    status:
      c.status === 'cancelled'
        ? ICalEventStatus.CANCELLED
        : c.status === 'draft'
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    sequence: c.version,
    created: c.createdAt,
    lastModified: c.updatedAt,
    stamp: c.updatedAt,
  });
}
