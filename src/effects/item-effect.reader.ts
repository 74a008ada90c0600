import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { seesAllOrganizations, type AuthUser } from '../common/auth/auth-user.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { Event } from '../events/event.entity.js';
import { MeasuredEffectView, type ItemEffectView, type ItemTitle } from './dto/item-effect.view.js';
import type { EffectShare, ItemEffect } from './item-effect.entity.js';
import { EffectsService } from './effects.service.js';

/** Builds the effect endpoints' answers: the stored effects next to the item's own figures. */
@Injectable()
export class ItemEffectReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly effects: EffectsService,
  ) {}

  async campaign(id: string, reader: AuthUser): Promise<ItemEffectView> {
    const c = await this.dataSource.getRepository(Campaign).findOneBy({ id });
    if (!c) throw new NotFoundError('Campaign', id);
    return this.view('campaign', c.id, c.status, reader, {
      expected: { visitors: c.expectedIncrementalVisitors, revenueYuan: c.expectedIncrementalRevenueYuan },
      typedIn: {
        visitors: c.actualIncrementalVisitors,
        revenueYuan: c.actualIncrementalRevenueYuan,
        spendYuan: c.actualSpendYuan,
      },
    });
  }

  async event(id: string, reader: AuthUser): Promise<ItemEffectView> {
    const e = await this.dataSource.getRepository(Event).findOneBy({ id });
    if (!e) throw new NotFoundError('Event', id);
    const outside = Math.round((e.expectedAttendance * (e.expectedOutsideCitySharePct ?? 100)) / 100);
    return this.view('event', e.id, e.status, reader, {
      expected: {
        visitors: outside,
        revenueYuan:
          e.expectedSpendPerAttendeeYuan === null ? null : outside * e.expectedSpendPerAttendeeYuan,
      },
      typedIn: { visitors: e.actualAttendance, revenueYuan: e.actualRevenueYuan, spendYuan: null },
    });
  }

  private async view(
    itemType: 'campaign' | 'event',
    itemId: string,
    status: string,
    reader: AuthUser,
    figures: Pick<ItemEffectView, 'expected' | 'typedIn'>,
  ): Promise<ItemEffectView> {
    const stored = await this.effects.latestForItem(itemType, itemId);
    const titles = await this.titles(
      stored.flatMap((e) => e.split),
      reader,
    );
    const effects = stored.map((e) => MeasuredEffectView.of(e, titles));
    // Campaigns: the city's visitors and revenue; events: the city's and the venue's.
    const expectedRows = itemType === 'campaign' ? 2 : 4;
    const state =
      status !== 'completed' ? 'not_completed' : effects.length >= expectedRows ? 'measured' : 'pending';
    return { itemType, itemId, status, state, ...figures, effects };
  }

  /**
   * The names of the items a split shares with, by `${itemType}:${itemId}`: every campaign, and
   * the events the reader may see (an organizer: its own organization's). Read now, not stored
   * with the effect, so a renamed item shows its new name.
   */
  private async titles(shares: EffectShare[], reader: AuthUser): Promise<Map<string, ItemTitle>> {
    const ids = (type: ItemEffect['itemType']) => [
      ...new Set(shares.filter((s) => s.itemType === type).map((s) => s.itemId)),
    ];
    const campaignIds = ids('campaign');
    const eventIds = ids('event');
    const [campaigns, events] = await Promise.all([
      campaignIds.length
        ? this.dataSource.getRepository(Campaign).find({
            where: { id: In(campaignIds) },
            select: { id: true, name: true },
          })
        : [],
      eventIds.length
        ? this.dataSource.getRepository(Event).find({
            where: { id: In(eventIds) },
            select: { id: true, titleZh: true, titleEn: true, organizationId: true },
          })
        : [],
    ]);
    const titles = new Map<string, ItemTitle>();
    for (const c of campaigns) titles.set(`campaign:${c.id}`, { title: c.name, titleEn: null });
    for (const e of events)
      if (seesAllOrganizations(reader) || e.organizationId === reader.organizationId)
        titles.set(`event:${e.id}`, { title: e.titleZh, titleEn: e.titleEn });
    return titles;
  }
}
