import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, LessThan, LessThanOrEqual, MoreThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import type { ActualScope } from '../actuals/actuals-query.service.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import type { CampaignStatus } from '../campaigns/campaign-status.js';
import { addDays, startOfLocalDay, type LocalDate } from '../common/time/local-date.js';
import type { EventStatus } from '../events/event-status.js';
import { Event } from '../events/event.entity.js';
import { campaignContribution, eventContribution, type ContributionDetail } from './contribution-spread.js';

/**
 * Events that count: approved ones (their expectation) and completed ones (their recorded
 * actuals). Drafts, submitted, rejected and cancelled events count for nothing.
 */
export const CONTRIBUTING_EVENT_STATUSES: EventStatus[] = ['approved', 'completed'];
/** Campaigns that count: scheduled and active (their expectation) and completed (their measured increment). */
export const CONTRIBUTING_CAMPAIGN_STATUSES: CampaignStatus[] = ['scheduled', 'active', 'completed'];

/**
 * Loads the events and campaigns that feed a target's projection: events at the target's venue
 * for a venue target, every event for a city target; campaigns (city-wide, no venue) for city
 * targets only. In a stable order, so equal data gives equal inputs.
 */
@Injectable()
export class ContributionLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(scope: ActualScope, dates: readonly LocalDate[]): Promise<ContributionDetail[]> {
    if (!dates.length) return [];
    const first = dates[0];
    const last = dates[dates.length - 1];
    // Generous instant bounds (any zone within a day of UTC+8); exact days are cut by the spread.
    const events = await this.dataSource.getRepository(Event).find({
      where: {
        status: In(CONTRIBUTING_EVENT_STATUSES),
        startsAt: LessThan(startOfLocalDay(addDays(last, 2))),
        endsAt: MoreThan(startOfLocalDay(addDays(first, -1))),
        ...(scope.venueId ? { venueId: scope.venueId } : {}),
      },
      relations: { venue: true },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const details: ContributionDetail[] = [];
    for (const e of events) {
      const detail = eventContribution(
        { ...e, timeZone: e.venue?.timeZone ?? 'Asia/Shanghai' },
        scope.metric,
        dates,
      );
      if (detail) details.push(detail);
    }
    if (scope.venueId) return details;

    const campaigns = await this.dataSource.getRepository(Campaign).find({
      where: {
        status: In(CONTRIBUTING_CAMPAIGN_STATUSES),
        startDate: LessThanOrEqual(last),
        endDate: MoreThanOrEqual(first),
      },
      order: { startDate: 'ASC', id: 'ASC' },
    });
    for (const c of campaigns) {
      const detail = campaignContribution(c, scope.metric, dates);
      if (detail) details.push(detail);
    }
    return details;
  }
}
