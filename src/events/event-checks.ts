import { localDatesOf } from '../common/time/local-date.js';

/**
 * The checks run when an event is submitted or approved, as a pure function: data in, structured
 * warnings out. Loading the data is the job of EventChecksService.
 */
export type EventWarningCode =
  'venue_overlap' | 'capacity_exceeded' | 'capacity_near_limit' | 'start_in_past';

export interface CapacityDay {
  date: string;
  /** This event's daily attendance. */
  eventVisitors: number;
  /** The venue's other expected visitors that day (baseline + other approved events). */
  otherVisitors: number;
  capacity: number;
  /** (event + other) / capacity, in percent, rounded. */
  loadPct: number;
}

export interface EventWarning {
  code: EventWarningCode;
  /** `warning`: the bureau should look; `notice`: good to know. */
  severity: 'warning' | 'notice';
  message: string;
  relatedIds: string[];
  /** Approval needs an explicit override with a reason. */
  requiresOverride: boolean;
  days?: CapacityDay[];
}

/** Share of the daily capacity from which Chinese scenic areas start flow control. */
export const FLOW_CONTROL_SHARE = 0.8;

export interface CheckedEvent {
  id: string;
  startsAt: Date;
  endsAt: Date;
  expectedAttendance: number;
}

export interface CheckedVenue {
  id: string;
  nameZh: string;
  maxDailyCapacity: number | null;
  timeZone: string;
}

export interface OverlappingEvent {
  id: string;
  titleZh: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
}

/** Expected visitors at the venue per local day, apart from the checked event, and who makes them. */
export type VenueDemand = Map<string, { visitors: number; eventIds: string[] }>;

export interface CheckInput {
  event: CheckedEvent;
  venue: CheckedVenue;
  now: Date;
  overlapping: OverlappingEvent[];
  demand: VenueDemand;
}

/** The event's attendance spread evenly over the local days it touches (rounded up). */
export function dailyAttendance(
  event: Pick<CheckedEvent, 'startsAt' | 'endsAt' | 'expectedAttendance'>,
  zone: string,
): { days: string[]; perDay: number } {
  const days = localDatesOf(event.startsAt, event.endsAt, zone);
  return { days, perDay: Math.ceil(event.expectedAttendance / Math.max(1, days.length)) };
}

export function eventWarnings(input: CheckInput): EventWarning[] {
  const { event, venue, now } = input;
  const warnings: EventWarning[] = [];
  if (input.overlapping.length) {
    const names = input.overlapping.map((o) => `${o.titleZh} (${o.status})`).join(', ');
    warnings.push({
      code: 'venue_overlap',
      severity: 'warning',
      message: `Overlaps in time at ${venue.nameZh} with ${input.overlapping.length} submitted or approved event(s): ${names}`,
      relatedIds: input.overlapping.map((o) => o.id),
      requiresOverride: false,
    });
  }
  if (venue.maxDailyCapacity !== null) warnings.push(...capacityWarnings(input, venue.maxDailyCapacity));
  if (event.startsAt.getTime() < now.getTime()) {
    warnings.push({
      code: 'start_in_past',
      severity: 'warning',
      message: `The event starts in the past (${event.startsAt.toISOString()})`,
      relatedIds: [],
      requiresOverride: false,
    });
  }
  return warnings;
}

function capacityWarnings(input: CheckInput, capacity: number): EventWarning[] {
  const { days, perDay } = dailyAttendance(input.event, input.venue.timeZone);
  const over: CapacityDay[] = [];
  const near: CapacityDay[] = [];
  const overIds = new Set<string>();
  const nearIds = new Set<string>();
  for (const date of days) {
    const other = input.demand.get(date) ?? { visitors: 0, eventIds: [] };
    const total = perDay + other.visitors;
    const day: CapacityDay = {
      date,
      eventVisitors: perDay,
      otherVisitors: other.visitors,
      capacity,
      loadPct: Math.round((total / capacity) * 100),
    };
    if (total > capacity) {
      over.push(day);
      other.eventIds.forEach((id) => overIds.add(id));
    } else if (total > capacity * FLOW_CONTROL_SHARE) {
      near.push(day);
      other.eventIds.forEach((id) => nearIds.add(id));
    }
  }
  const describe = (list: CapacityDay[]) =>
    list.map((d) => `${d.date}: ${d.eventVisitors + d.otherVisitors} (${d.loadPct} %)`).join(', ');
  const warnings: EventWarning[] = [];
  if (over.length) {
    warnings.push({
      code: 'capacity_exceeded',
      severity: 'warning',
      message: `Expected visitors exceed the daily carrying capacity of ${input.venue.nameZh} (${capacity}) on ${describe(over)}`,
      relatedIds: [...overIds],
      requiresOverride: true,
      days: over,
    });
  }
  if (near.length) {
    warnings.push({
      code: 'capacity_near_limit',
      severity: 'notice',
      message: `Expected visitors pass ${FLOW_CONTROL_SHARE * 100} % of the daily carrying capacity of ${input.venue.nameZh} (${capacity}), where flow control starts, on ${describe(near)}`,
      relatedIds: [...nearIds],
      requiresOverride: false,
      days: near,
    });
  }
  return warnings;
}
