import type { EntityManager } from 'typeorm';
import type { InputChange } from '../projections/rebuild/projection-inputs.js';
import { Venue } from '../venues/venue.entity.js';
import type { ApprovedPlan } from './event-status.js';
import { localDateOf, yearsBetween } from '../common/time/local-date.js';

export interface Footprint {
  startsAt: Date;
  endsAt: Date;
  venueId: string;
  timeZone: string;
}

/**
 * What an event change touches for projections: the years (in the venue's zone) and venues of
 * the event before and after the change.
 */
export function eventChange(...states: (Footprint | null | undefined)[]): InputChange {
  const years = new Set<number>();
  const venueIds = new Set<string>();
  for (const s of states) {
    if (!s) continue;
    yearsBetween(localDateOf(s.startsAt, s.timeZone), localDateOf(s.endsAt, s.timeZone)).forEach((y) =>
      years.add(y),
    );
    venueIds.add(s.venueId);
  }
  return { source: 'event', years: [...years].sort(), venueIds: [...venueIds].sort() };
}

/** The footprint of an event's approved plan (what projections count while it awaits re-approval). */
export async function approvedPlanFootprint(
  manager: EntityManager,
  plan: ApprovedPlan | null,
): Promise<Footprint[]> {
  if (!plan) return [];
  const venue = await manager.findOne(Venue, {
    where: { id: plan.venueId },
    select: { id: true, timeZone: true },
  });
  return [
    {
      startsAt: new Date(plan.startsAt),
      endsAt: new Date(plan.endsAt),
      venueId: plan.venueId,
      timeZone: venue?.timeZone ?? 'Asia/Shanghai',
    },
  ];
}
