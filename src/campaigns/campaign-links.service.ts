import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, type EntityManager, type Repository } from 'typeorm';
import { seesAllOrganizations, type AuthUser } from '../common/auth/auth-user.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { Event } from '../events/event.entity.js';

/**
 * The link between campaigns and the events they promote, held by `events.campaignId`: read per
 * campaign (only the events the user may see) and set from the campaign side.
 */
@Injectable()
export class CampaignLinksService {
  constructor(@InjectRepository(Event) private readonly events: Repository<Event>) {}

  /** Linked event ids per campaign id, limited to the user's organization for organizers. */
  async linkedIds(campaignIds: string[], user: AuthUser): Promise<Map<string, string[]>> {
    const byCampaign = new Map<string, string[]>(campaignIds.map((id) => [id, []]));
    if (!campaignIds.length) return byCampaign;
    const where = seesAllOrganizations(user)
      ? { campaignId: In(campaignIds) }
      : { campaignId: In(campaignIds), organizationId: user.organizationId ?? '' };
    const rows = await this.events.find({
      where,
      select: { id: true, campaignId: true },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    for (const row of rows) byCampaign.get(row.campaignId!)?.push(row.id);
    return byCampaign;
  }

  /** Makes exactly these events the campaign's linked events. Unknown ids are a 404. */
  async setLinks(manager: EntityManager, campaignId: string, eventIds: string[]): Promise<void> {
    const ids = [...new Set(eventIds)];
    if (ids.length) {
      const found = await manager.find(Event, { where: { id: In(ids) }, select: { id: true } });
      const known = new Set(found.map((e) => e.id));
      const missing = ids.find((id) => !known.has(id));
      if (missing) throw new NotFoundError('Event', missing);
    }
    await manager.update(Event, ids.length ? { campaignId, id: Not(In(ids)) } : { campaignId }, {
      campaignId: null,
    });
    if (ids.length) await manager.update(Event, { id: In(ids) }, { campaignId });
  }
}
