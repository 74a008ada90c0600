import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ConflictError } from '../common/errors/domain-error.js';
import { InvalidTransitionError } from '../common/errors/invalid-transition.error.js';
import { Clock } from '../common/time/clock.js';
import { NEXT_VERSION } from '../common/http/if-match.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import type {
  ApproveEventDto,
  CancelEventDto,
  CompleteEventDto,
  RejectEventDto,
} from './dto/event-transition.dto.js';
import { EventChecksService } from './event-checks.service.js';
import type { EventWarning } from './event-checks.js';
import { approvedPlanFootprint, eventChange } from './event-footprint.js';
import { EventHistory, type EventHistoryDetails } from './event-history.entity.js';
import { recordHistory } from './event-history.recorder.js';
import { EVENT_TRANSITIONS, type EventAction } from './event-status.js';
import { Event } from './event.entity.js';
import { EventsService, type EventChange } from './events.service.js';

const brief = (warnings: EventWarning[]) =>
  warnings.map((w) => ({ code: w.code, message: w.message, relatedIds: w.relatedIds }));

/**
 * The event workflow: submit (also after a rejection), approve (with an override when a capacity
 * warning stands), reject with a reason, cancel, complete with actuals after the end. Each action
 * is atomic with its audit line and reports the change to projections once committed.
 */
@Injectable()
export class EventWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(EventHistory) private readonly history: Repository<EventHistory>,
    private readonly events: EventsService,
    private readonly checks: EventChecksService,
    private readonly projections: ProjectionInputs,
    private readonly clock: Clock,
  ) {}

  async submit(id: string, user: AuthUser): Promise<EventChange> {
    const event = await this.allowed(id, 'submit');
    const warnings = await this.checks.warningsFor(event, event.venue!);
    return this.move(
      event,
      'submit',
      user,
      { rejectionReason: null },
      { details: { warnings: brief(warnings) } },
      warnings,
    );
  }

  async approve(id: string, dto: ApproveEventDto, user: AuthUser): Promise<EventChange> {
    const event = await this.allowed(id, 'approve');
    const warnings = await this.checks.warningsFor(event, event.venue!);
    const blocking = warnings.filter((w) => w.requiresOverride);
    if (blocking.length && !dto.override) {
      throw new ConflictError(
        'capacity_override_required',
        `Event ${id} cannot be approved without an override: ${blocking.map((w) => w.message).join('; ')}. Send override: { reason }`,
        { warnings },
      );
    }
    const override = dto.override ? { reason: dto.override.reason.trim() } : undefined;
    return this.move(
      event,
      'approve',
      user,
      { publishedAt: event.publishedAt ?? this.clock.now() },
      {
        reason: override ? `Override: ${override.reason}` : null,
        details: { warnings: brief(warnings), ...(override ? { override } : {}) },
      },
      warnings,
    );
  }

  async reject(id: string, dto: RejectEventDto, user: AuthUser): Promise<EventChange> {
    const event = await this.allowed(id, 'reject');
    const reason = dto.reason.trim();
    return this.move(event, 'reject', user, { rejectionReason: reason }, { reason });
  }

  async cancel(id: string, dto: CancelEventDto, user: AuthUser): Promise<EventChange> {
    const event = await this.allowed(id, 'cancel');
    const reason = dto.reason?.trim() ?? null;
    return this.move(event, 'cancel', user, { cancellationReason: reason }, { reason });
  }

  async complete(id: string, dto: CompleteEventDto, user: AuthUser): Promise<EventChange> {
    const event = await this.allowed(id, 'complete');
    if (this.clock.now().getTime() < event.endsAt.getTime()) {
      throw new ConflictError(
        'event_not_over',
        `Event ${id} ends at ${event.endsAt.toISOString()}: record its actual attendance after the end`,
        { endsAt: event.endsAt.toISOString() },
      );
    }
    const actualRevenueYuan = dto.actualRevenueYuan ?? null;
    return this.move(
      event,
      'complete',
      user,
      { actualAttendance: dto.actualAttendance, actualRevenueYuan },
      { details: { actualAttendance: dto.actualAttendance, actualRevenueYuan } },
    );
  }

  /** The audit trail, oldest first. */
  async historyOf(id: string): Promise<EventHistory[]> {
    await this.events.get(id);
    return this.history.find({ where: { eventId: id }, order: { seq: 'ASC' } });
  }

  private async allowed(id: string, action: EventAction): Promise<Event> {
    const event = await this.events.get(id);
    const rule = EVENT_TRANSITIONS[action];
    if (!rule.from.includes(event.status)) {
      throw new InvalidTransitionError('Event', id, event.status, rule.to, action, rule.from);
    }
    return event;
  }

  private async move(
    event: Event,
    action: EventAction,
    user: AuthUser,
    patch: Partial<Event>,
    audit: { reason?: string | null; details?: EventHistoryDetails },
    warnings: EventWarning[] = [],
  ): Promise<EventChange> {
    const rule = EVENT_TRANSITIONS[action];
    const now = this.clock.now();
    await this.projections.transaction(async (manager, changed) => {
      const result = await manager
        .createQueryBuilder()
        .update(Event)
        // A decision ends any wait for re-approval: from now on the event counts as it is, or not.
        .set({
          ...patch,
          approvedPlan: null,
          status: rule.to,
          version: NEXT_VERSION,
          updatedAt: now,
        })
        // The version too: the checks above were made on this very version of the event.
        .where({ id: event.id, status: event.status, version: event.version })
        .execute();
      if (result.affected !== 1) {
        const current = await manager.findOneByOrFail(Event, { id: event.id });
        if (current.status === event.status) {
          throw new ConflictError(
            'concurrent_change',
            `Event ${event.id} changed while it was being checked; look at it again and retry`,
          );
        }
        throw new InvalidTransitionError('Event', event.id, current.status, rule.to, action, rule.from);
      }
      await recordHistory(manager, user, {
        eventId: event.id,
        action,
        from: event.status,
        to: rule.to,
        at: now,
        reason: audit.reason ?? null,
        details: audit.details ?? null,
      });
      await changed(
        eventChange(
          { ...event, timeZone: event.venue!.timeZone },
          ...(await approvedPlanFootprint(manager, event.approvedPlan)),
        ),
      );
    });
    return { event: await this.events.get(event.id), warnings };
  }
}
