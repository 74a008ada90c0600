import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { newId } from '../infra/database/new-id.js';
import { EventHistory, type EventHistoryDetails } from './event-history.entity.js';
import type { EventHistoryAction, EventStatus } from './event-status.js';

export interface HistoryEntry {
  eventId: string;
  action: EventHistoryAction;
  from: EventStatus | null;
  to: EventStatus;
  at: Date;
  reason?: string | null;
  details?: EventHistoryDetails | null;
}

/** Writes one audit line, inside the caller's transaction. */
export async function recordHistory(
  manager: EntityManager,
  actor: AuthUser,
  entry: HistoryEntry,
): Promise<void> {
  // The next place in the trail is worked out by the insert itself: one statement, not two.
  await manager
    .createQueryBuilder()
    .insert()
    .into(EventHistory)
    .values({
      ...historyRow(actor, entry, 0),
      seq: () => '(SELECT COALESCE(MAX("seq"), 0) + 1 FROM "event_history" WHERE "eventId" = :eventId)',
    })
    .setParameter('eventId', entry.eventId)
    .execute();
}

/** An audit line; `seq` is its place in the event's trail (1 for the first). */
export function historyRow(actor: AuthUser, entry: HistoryEntry, seq: number): EventHistory {
  return {
    id: newId(),
    eventId: entry.eventId,
    seq,
    at: entry.at,
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    action: entry.action,
    fromStatus: entry.from,
    toStatus: entry.to,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  };
}
