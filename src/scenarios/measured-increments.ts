import { Injectable } from '@nestjs/common';
import type { Metric } from '../actuals/metric.js';
import { EffectsService } from '../effects/effects.service.js';

/**
 * Measured incremental visitors or yuan of campaigns, read through the effects feature: the
 * latest city-scope effect with the verdict `measured` (an interval that excludes zero). Effects
 * that are not detectable or not measurable do not price a channel.
 */
@Injectable()
export class MeasuredIncrements {
  constructor(private readonly effects: EffectsService) {}

  async forCampaigns(
    campaigns: { id: string; startDate: string }[],
    metric: Metric,
  ): Promise<{ values: Map<string, number>; notes: string[] }> {
    const ids = new Set(campaigns.map((c) => c.id));
    const years = [...new Set(campaigns.map((c) => Number(c.startDate.slice(0, 4))))];
    const values = new Map<string, number>();
    for (const year of years) {
      for (const e of await this.effects.latestForYear(year)) {
        if (e.itemType !== 'campaign' || !ids.has(e.itemId) || e.scope !== 'city' || e.metric !== metric)
          continue;
        if (e.verdict === 'measured' && e.estimate !== null) values.set(e.itemId, e.estimate);
      }
    }
    const notes = values.size
      ? [
          `${values.size} campaign(s) have a measured effect on ${metric}: their channels are priced by actual spend ÷ measured increment.`,
        ]
      : ['No campaign has a measured effect yet: every channel is priced by its expected cost.'];
    return { values, notes };
  }
}
