import { formatInZone } from '../common/time/local-date.js';
import type { Event } from './event.entity.js';

/**
 * The event CSV layout, shared by export and import so that an exported file imports again.
 * Columns marked `export only` describe the event's state and are ignored on import.
 */
export const EVENT_CSV_COLUMNS = [
  'id', // on import: the event the row updates (empty or unknown: a new event, unless a duplicate)
  'organization', // name (or id on import)
  'title_zh',
  'title_en',
  'category',
  'status', // export only
  'venue', // Chinese name (or English name, or id, on import)
  'starts_at', // with offset; on import also a local time in the venue's zone
  'ends_at',
  'time_zone', // export only (the venue's)
  'expected_attendance',
  'expected_outside_city_share_pct',
  'expected_spend_per_attendee_yuan',
  'ticketing_url',
  'contact_name',
  'contact_phone',
  'contact_email',
  'campaign', // id (or exact name on import)
  'description',
  'note',
  'rejection_reason', // export only
  'cancellation_reason', // export only
  'actual_attendance', // export only
  'actual_revenue_yuan', // export only
  'created_at', // export only
  'updated_at', // export only
] as const;
export type EventCsvColumn = (typeof EVENT_CSV_COLUMNS)[number];

export const EXPORT_ONLY_COLUMNS: EventCsvColumn[] = [
  'status',
  'time_zone',
  'rejection_reason',
  'cancellation_reason',
  'actual_attendance',
  'actual_revenue_yuan',
  'created_at',
  'updated_at',
];

export const REQUIRED_IMPORT_COLUMNS: EventCsvColumn[] = [
  'organization',
  'title_zh',
  'category',
  'venue',
  'starts_at',
  'ends_at',
  'expected_attendance',
  'contact_name',
];

export function eventCsvRow(e: Event): (string | number | null)[] {
  const zone = e.venue!.timeZone;
  const values: Record<EventCsvColumn, string | number | null> = {
    id: e.id,
    organization: e.organization?.name ?? e.organizationId,
    title_zh: e.titleZh,
    title_en: e.titleEn,
    category: e.category,
    status: e.status,
    venue: e.venue!.nameZh,
    starts_at: formatInZone(e.startsAt, zone),
    ends_at: formatInZone(e.endsAt, zone),
    time_zone: zone,
    expected_attendance: e.expectedAttendance,
    expected_outside_city_share_pct: e.expectedOutsideCitySharePct,
    expected_spend_per_attendee_yuan: e.expectedSpendPerAttendeeYuan,
    ticketing_url: e.ticketingUrl,
    contact_name: e.contactName,
    contact_phone: e.contactPhone,
    contact_email: e.contactEmail,
    campaign: e.campaignId,
    description: e.description,
    note: e.note,
    rejection_reason: e.rejectionReason,
    cancellation_reason: e.cancellationReason,
    actual_attendance: e.actualAttendance,
    actual_revenue_yuan: e.actualRevenueYuan,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
  return EVENT_CSV_COLUMNS.map((c) => values[c]);
}
