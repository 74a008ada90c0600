import type { InputChange } from '../projections/projection-inputs.js';
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
