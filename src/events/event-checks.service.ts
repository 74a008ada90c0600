import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import type { Venue } from '../venues/venue.entity.js';
import { dailyAttendance, eventWarnings, type CheckedEvent, type EventWarning } from './event-checks.js';
import { SCHEDULED_EVENT_STATUSES } from './event-status.js';
import { Event } from './event.entity.js';
import { VenueDemandService } from './venue-demand.service.js';

/** Loads what the checks need (overlapping events, venue demand, now) and runs them. */
@Injectable()
export class EventChecksService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly demand: VenueDemandService,
    private readonly clock: Clock,
  ) {}

  async warningsFor(event: CheckedEvent & { venueId: string }, venue: Venue): Promise<EventWarning[]> {
    const overlapping = await this.events
      .createQueryBuilder('e')
      .select(['e.id', 'e.titleZh', 'e.status', 'e.startsAt', 'e.endsAt'])
      .where('e.venueId = :venueId', { venueId: venue.id })
      .andWhere({ status: In(SCHEDULED_EVENT_STATUSES) })
      .andWhere('e.id <> :self', { self: event.id })
      .andWhere('e.startsAt < :end', { end: event.endsAt })
      .andWhere('e.endsAt > :start', { start: event.startsAt })
      .orderBy('e.startsAt', 'ASC')
      .getMany();
    const { days } = dailyAttendance(event, venue.timeZone);
    return eventWarnings({
      event,
      venue,
      now: this.clock.now(),
      overlapping,
      demand: await this.demand.expectedVisitors(venue, days, event.id),
    });
  }
}
