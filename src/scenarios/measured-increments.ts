import { Injectable } from '@nestjs/common';
import type { Metric } from '../actuals/metric.js';

/**
 * Measured incremental visitors or yuan of campaigns (city scope, verdict `measured` only).
 * No measured effects are available in this build yet: every campaign is unmeasured.
 */
@Injectable()
export class MeasuredIncrements {
  async forCampaigns(
    _ids: string[],
    _metric: Metric,
  ): Promise<{ values: Map<string, number>; notes: string[] }> {
    return { values: new Map(), notes: ['No measured effects are available: costs are expected costs.'] };
  }
}
