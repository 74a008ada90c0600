import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { seesAllOrganizations, type AuthUser } from '../common/auth/auth-user.js';
import { Clock } from '../common/time/clock.js';
import { setCampaignEvents } from '../events/event-campaign-links.js';
import { Event } from '../events/event.entity.js';
import type { RecordChange } from '../projections/rebuild/projection-inputs.js';

/**
 * The link between campaigns and the events they promote, held by `events.campaignId`: read per
 * campaign (only the events the user may see) and set from the campaign side (as event edits).
 */
@Injectable()
export class CampaignLinksService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly clock: Clock,
  ) {}

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

  /**
   * Makes exactly these events the campaign's linked events, through the events feature: each
   * event whose link changes gets a new version and a history line, and projections hear of it,
   * all in the caller's transaction. Unknown ids are a 404.
   */
  async setLinks(
    manager: EntityManager,
    user: AuthUser,
    campaignId: string,
    eventIds: string[],
    changed: RecordChange,
  ): Promise<void> {
    const change = await setCampaignEvents(manager, user, campaignId, eventIds, this.clock.now());
    if (change) await changed(change);
  }
}
