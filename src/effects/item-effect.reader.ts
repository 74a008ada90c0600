import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { Event } from '../events/event.entity.js';
import { MeasuredEffectView, type ItemEffectView } from './dto/item-effect.view.js';
import { EffectsService } from './effects.service.js';

/** Builds the effect endpoints' answers: the stored effects next to the item's own figures. */
@Injectable()
export class ItemEffectReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly effects: EffectsService,
  ) {}

  async campaign(id: string): Promise<ItemEffectView> {
    const c = await this.dataSource.getRepository(Campaign).findOneBy({ id });
    if (!c) throw new NotFoundError('Campaign', id);
    return this.view('campaign', c.id, c.status, {
      expected: { visitors: c.expectedIncrementalVisitors, revenueYuan: c.expectedIncrementalRevenueYuan },
      typedIn: {
        visitors: c.actualIncrementalVisitors,
        revenueYuan: c.actualIncrementalRevenueYuan,
        spendYuan: c.actualSpendYuan,
      },
    });
  }

  async event(id: string): Promise<ItemEffectView> {
    const e = await this.dataSource.getRepository(Event).findOneBy({ id });
    if (!e) throw new NotFoundError('Event', id);
    const outside = Math.round((e.expectedAttendance * (e.expectedOutsideCitySharePct ?? 100)) / 100);
    return this.view('event', e.id, e.status, {
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
    figures: Pick<ItemEffectView, 'expected' | 'typedIn'>,
  ): Promise<ItemEffectView> {
    const effects = (await this.effects.latestForItem(itemType, itemId)).map((e) => MeasuredEffectView.of(e));
    // Campaigns: the city's visitors and revenue; events: the city's and the venue's.
    const expectedRows = itemType === 'campaign' ? 2 : 4;
    const state =
      status !== 'completed' ? 'not_completed' : effects.length >= expectedRows ? 'measured' : 'pending';
    return { itemType, itemId, status, state, ...figures, effects };
  }
}
