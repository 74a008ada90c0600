import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { seesAllOrganizations, type AuthUser } from '../common/auth/auth-user.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../common/errors/domain-error.js';
import { assertIfMatch, changedMeanwhile, NEXT_VERSION } from '../common/http/if-match.js';
import { pageOf, pageWindow, type Page } from '../common/http/pagination.js';
import { rejectNulls } from '../common/http/reject-nulls.js';
import { Clock } from '../common/time/clock.js';
import { isDateTimeText, parseDateTimeText } from '../common/time/local-date.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { newId } from '../infra/database/new-id.js';
import { Organization } from '../organizations/organization.entity.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import { Venue } from '../venues/venue.entity.js';
import type { CreateEventDto } from './dto/create-event.dto.js';
import type { EventFilterQuery, ListEventsQuery, PublicEventsQuery } from './dto/list-events.query.js';
import { EVENT_REQUIRED_FIELDS, type UpdateEventDto } from './dto/update-event.dto.js';
import { EventChecksService } from './event-checks.service.js';
import type { EventWarning } from './event-checks.js';
import { eventChange } from './event-footprint.js';
import { recordHistory } from './event-history.recorder.js';
import { applyEventFilters } from './event-query.js';
import {
  approvedPlanOf,
  CLOSED_EVENT_STATUSES,
  REAPPROVAL_FIELDS,
  SCHEDULED_EVENT_STATUSES,
} from './event-status.js';
import { approvedPlanFootprint } from './event-footprint.js';
import { Event } from './event.entity.js';

/** An event after a change, with the checks' warnings when it is submitted or approved. */
export interface EventChange {
  event: Event;
  warnings: EventWarning[];
}

/** Fields an edit may change, compared to decide what moved. */
const EDITABLE = [
  'titleZh',
  'titleEn',
  'description',
  'category',
  'venueId',
  'startsAt',
  'endsAt',
  'expectedAttendance',
  'expectedOutsideCitySharePct',
  'expectedSpendPerAttendeeYuan',
  'ticketingUrl',
  'contactName',
  'contactPhone',
  'contactEmail',
  'campaignId',
  'note',
] as const satisfies readonly (keyof Event)[];

/** Changes that can move a projection. */
const PROJECTED = [
  'venueId',
  'startsAt',
  'endsAt',
  'expectedAttendance',
  'expectedOutsideCitySharePct',
  'expectedSpendPerAttendeeYuan',
  'campaignId',
];

/** Registering, reading, listing and editing events; the workflow actions are in EventWorkflowService. */
@Injectable()
export class EventsService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: EventChecksService,
    private readonly projections: ProjectionInputs,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateEventDto, user: AuthUser): Promise<Event> {
    const organizationId = this.organizationFor(dto, user);
    const now = this.clock.now();
    const id = newId();
    await this.projections.transaction(async (manager, changed) => {
      if (!(await manager.existsBy(Organization, { id: organizationId }))) {
        throw new NotFoundError('Organization', organizationId);
      }
      const venue = await findVenue(manager, dto.venueId);
      const times = parseTimes(dto.startsAt, dto.endsAt, venue.timeZone);
      await assertCampaign(manager, dto.campaignId);
      await manager.insert(Event, {
        id,
        organizationId,
        titleZh: dto.titleZh.trim(),
        titleEn: dto.titleEn?.trim() ?? null,
        description: dto.description ?? null,
        category: dto.category,
        status: 'draft',
        venueId: venue.id,
        ...times,
        expectedAttendance: dto.expectedAttendance,
        expectedOutsideCitySharePct: dto.expectedOutsideCitySharePct ?? null,
        expectedSpendPerAttendeeYuan: dto.expectedSpendPerAttendeeYuan ?? null,
        ticketingUrl: dto.ticketingUrl ?? null,
        contactName: dto.contact.name.trim(),
        contactPhone: dto.contact.phone ?? null,
        contactEmail: dto.contact.email ?? null,
        campaignId: dto.campaignId ?? null,
        note: dto.note ?? null,
        version: 1,
        createdById: user.id,
        createdAt: now,
        updatedAt: now,
      });
      await recordHistory(manager, user, { eventId: id, action: 'create', from: null, to: 'draft', at: now });
      await changed(eventChange({ ...times, venueId: venue.id, timeZone: venue.timeZone }));
    });
    return this.get(id);
  }

  /** The event with its venue and organization; visibility is checked by `@Owned` on the route. */
  async get(id: string): Promise<Event> {
    // One joined query: `findOne` with relations adds a second one for the distinct ids.
    const event = await this.joined().where('e.id = :id', { id }).getOne();
    if (!event) throw new NotFoundError('Event', id);
    assertIfMatch('events', id, event.version);
    return event;
  }

  list(query: ListEventsQuery, user: AuthUser): Promise<Page<Event>> {
    return this.page(query, user);
  }

  /** Approved events for everyone, without a token. */
  listPublic(query: PublicEventsQuery): Promise<Page<Event>> {
    return this.page(query, null);
  }

  /** Every event matching the filters (for exports and feeds), up to `cap` + 1 so callers can tell. */
  findAll(filter: EventFilterQuery, user: AuthUser | null, cap: number): Promise<Event[]> {
    return applyEventFilters(this.joined(), filter, user)
      .take(cap + 1)
      .getMany();
  }

  async update(id: string, dto: UpdateEventDto, user: AuthUser): Promise<EventChange> {
    rejectNulls(dto, EVENT_REQUIRED_FIELDS);
    const before = await this.get(id);
    if (CLOSED_EVENT_STATUSES.includes(before.status)) {
      throw new ConflictError(
        'event_closed',
        `Event ${id} is ${before.status} and can no longer be changed`,
        {
          status: before.status,
        },
      );
    }
    const now = this.clock.now();
    const after = await this.projections.transaction(async (manager, recordChange): Promise<Event> => {
      const venue = dto.venueId ? await findVenue(manager, dto.venueId) : before.venue!;
      if (dto.campaignId) await assertCampaign(manager, dto.campaignId);
      const times = parseTimes(
        dto.startsAt ?? before.startsAt.toISOString(),
        dto.endsAt ?? before.endsAt.toISOString(),
        venue.timeZone,
      );
      const next: Partial<Event> = {
        titleZh: dto.titleZh?.trim(),
        titleEn: dto.titleEn === undefined ? undefined : (dto.titleEn?.trim() ?? null),
        description: dto.description,
        category: dto.category,
        venueId: dto.venueId,
        startsAt: dto.startsAt === undefined ? undefined : times.startsAt,
        endsAt: dto.endsAt === undefined ? undefined : times.endsAt,
        expectedAttendance: dto.expectedAttendance,
        expectedOutsideCitySharePct: dto.expectedOutsideCitySharePct,
        expectedSpendPerAttendeeYuan: dto.expectedSpendPerAttendeeYuan,
        ticketingUrl: dto.ticketingUrl,
        contactName: dto.contact?.name.trim(),
        contactPhone: dto.contact ? (dto.contact.phone ?? null) : undefined,
        contactEmail: dto.contact ? (dto.contact.email ?? null) : undefined,
        campaignId: dto.campaignId,
        note: dto.note,
      };
      const changed = EDITABLE.filter((f) => next[f] !== undefined && !same(next[f], before[f]));
      if (!changed.length) return before;
      const patch = Object.fromEntries(changed.map((f) => [f, next[f]])) as Partial<Event>;
      const reapproval = REAPPROVAL_FIELDS.filter((f) => changed.includes(f));
      const status = before.status === 'approved' && reapproval.length ? 'submitted' : before.status;
      // Back to `submitted`: the approved values keep counting in projections until the decision.
      const approvedPlan = status !== before.status ? { approvedPlan: approvedPlanOf(before) } : {};
      const updated = await manager
        .createQueryBuilder()
        .update(Event)
        .set({ ...patch, ...approvedPlan, status, version: NEXT_VERSION, updatedAt: now })
        .where({ id, status: before.status, version: before.version })
        .execute();
      if (updated.affected !== 1) {
        throw changedMeanwhile('Event', id);
      }
      await recordHistory(manager, user, {
        eventId: id,
        action: 'edit',
        from: before.status,
        to: status,
        at: now,
        reason: status !== before.status ? `Changed ${reapproval.join(', ')}: needs approval again` : null,
        details: { changedFields: changed },
      });
      if (changed.some((f) => PROJECTED.includes(f)) || status !== before.status) {
        await recordChange(
          eventChange(
            { ...before, timeZone: before.venue!.timeZone },
            ...(await approvedPlanFootprint(manager, before.approvedPlan)),
            {
              startsAt: patch.startsAt ?? before.startsAt,
              endsAt: patch.endsAt ?? before.endsAt,
              venueId: venue.id,
              timeZone: venue.timeZone,
            },
          ),
        );
      }
      // The row is `before` with this patch: the update above matched its version.
      return {
        ...before,
        ...patch,
        ...approvedPlan,
        status,
        version: before.version + 1,
        updatedAt: now,
        venue,
      };
    });
    return { event: after, warnings: await this.warningsIfScheduled(after) };
  }

  /** Only drafts can be deleted; anything further is cancelled instead, to keep its record. */
  async remove(id: string): Promise<void> {
    const event = await this.get(id);
    if (event.status !== 'draft') {
      throw new ConflictError(
        'event_not_draft',
        `Event ${id} is ${event.status}: only drafts can be deleted; cancel it instead`,
      );
    }
    const deleted = await this.projections.transaction(async (manager, changed) => {
      const result = await manager.delete(Event, { id, status: 'draft', version: event.version });
      if (result.affected !== 1) return false;
      await changed(eventChange({ ...event, timeZone: event.venue!.timeZone }));
      return true;
    });
    if (!deleted) {
      throw changedMeanwhile('Event', id);
    }
  }

  /** The checks as they stand now, for any event. */
  async currentWarnings(id: string): Promise<EventWarning[]> {
    const event = await this.get(id);
    return this.checks.warningsFor(event, event.venue!);
  }

  warningsIfScheduled(event: Event): Promise<EventWarning[]> {
    return SCHEDULED_EVENT_STATUSES.includes(event.status)
      ? this.checks.warningsFor(event, event.venue!)
      : Promise.resolve([]);
  }

  private async page(
    query: ListEventsQuery | PublicEventsQuery,
    user: AuthUser | null,
  ): Promise<Page<Event>> {
    const { limit, offset } = pageWindow(query);
    const [items, total] = await applyEventFilters(this.joined(), query, user)
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  private joined() {
    return this.events
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .leftJoinAndSelect('e.organization', 'o');
  }

  /** Organizers register for their own organization; planners and admins must name one. */
  private organizationFor(dto: CreateEventDto, user: AuthUser): string {
    if (!seesAllOrganizations(user)) {
      if (dto.organizationId && dto.organizationId !== user.organizationId) {
        throw new ForbiddenError('Organizers register events for their own organization only');
      }
      return user.organizationId!;
    }
    if (!dto.organizationId) {
      throw new UnprocessableError(
        'organization_required',
        'Planners and admins register an event for an organization: give organizationId',
      );
    }
    return dto.organizationId;
  }
}

export async function findVenue(manager: EntityManager, id: string): Promise<Venue> {
  const venue = await manager.findOneBy(Venue, { id });
  if (!venue) throw new NotFoundError('Venue', id);
  return venue;
}

async function assertCampaign(manager: EntityManager, id: string | null | undefined): Promise<void> {
  if (id && !(await manager.existsBy(Campaign, { id }))) throw new NotFoundError('Campaign', id);
}

/** Start and end read in the venue's zone; an end before the start is a 400. */
export function parseTimes(startsAt: string, endsAt: string, zone: string): { startsAt: Date; endsAt: Date } {
  const start = isDateTimeText(startsAt) ? parseDateTimeText(startsAt, zone) : null;
  const end = isDateTimeText(endsAt) ? parseDateTimeText(endsAt, zone) : null;
  if (!start || !end) {
    throw new ValidationError('startsAt and endsAt must be ISO 8601 date-times', [
      ...(start ? [] : [{ field: 'startsAt', problems: ['startsAt is not a valid date-time'] }]),
      ...(end ? [] : [{ field: 'endsAt', problems: ['endsAt is not a valid date-time'] }]),
    ]);
  }
  if (end.getTime() < start.getTime()) {
    throw new ValidationError(
      `endsAt (${end.toISOString()}) must not be before startsAt (${start.toISOString()})`,
      [{ field: 'endsAt', problems: ['endsAt must not be before startsAt'] }],
    );
  }
  return { startsAt: start, endsAt: end };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
