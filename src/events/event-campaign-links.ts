import { In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { NEXT_VERSION } from '../common/http/if-match.js';
import type { InputChange } from '../projections/rebuild/projection-inputs.js';
import { recordHistory } from './event-history.recorder.js';
import { eventChange } from './event-footprint.js';
import { Event } from './event.entity.js';

/**
 * Makes exactly `eventIds` the events linked to a campaign (`events.campaignId`), as an edit of
 * each event whose link changes: its version goes up and its history records the change (who,
 * when, the campaign before and after), inside the caller's transaction. Unknown ids are a 404.
 * Returns what projections must hear (null when no link changed).
 */
export async function setCampaignEvents(
  manager: EntityManager,
  actor: AuthUser,
  campaignId: string,
  eventIds: string[],
  now: Date,
): Promise<InputChange | null> {
  const ids = [...new Set(eventIds)];
  const wanted = ids.length
    ? await manager.find(Event, { where: { id: In(ids) }, relations: { venue: true } })
    : [];
  const known = new Set(wanted.map((e) => e.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw new NotFoundError('Event', missing);
  const linked = await manager.find(Event, { where: { campaignId }, relations: { venue: true } });
  const changes = [
    ...wanted.filter((e) => e.campaignId !== campaignId).map((e) => ({ event: e, to: campaignId })),
    ...linked.filter((e) => !known.has(e.id)).map((e) => ({ event: e, to: null })),
  ].sort((a, b) => a.event.id.localeCompare(b.event.id));
  for (const { event, to } of changes) {
    await manager
      .createQueryBuilder()
      .update(Event)
      .set({ campaignId: to, version: NEXT_VERSION, updatedAt: now })
      .where({ id: event.id })
      .execute();
    await recordHistory(manager, actor, {
      eventId: event.id,
      action: 'edit',
      from: event.status,
      to: event.status,
      at: now,
      reason: to ? `Linked to campaign ${to}` : `Unlinked from campaign ${event.campaignId}`,
      details: { changedFields: ['campaignId'], campaignId: { from: event.campaignId, to } },
    });
  }
  if (!changes.length) return null;
  return eventChange(...changes.map(({ event }) => ({ ...event, timeZone: event.venue!.timeZone })));
}
