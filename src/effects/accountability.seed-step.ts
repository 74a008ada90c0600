import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACCOUNTABILITY_CAMPAIGNS,
  ACCOUNTABILITY_EVENTS,
  EFFECT_NOTE,
  ILLUSTRATIVE_EFFECTS,
  withEffects,
} from '../../seeds/accountability.seed.js';
import { DEMO_VENUES } from '../../seeds/venues.seed.js';
import { Actual } from '../actuals/actual.entity.js';
import { scopeKeyOf } from '../actuals/metric.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { parseDateTimeText } from '../common/time/local-date.js';
import { EventHistory } from '../events/event-history.entity.js';
import { Event } from '../events/event.entity.js';
import { newId } from '../infra/database/new-id.js';
import { Venue } from '../venues/venue.entity.js';

const logger = new Logger('Seed');

/**
 * Demo seed step (after the targets-and-actuals step): the completed 2021 and early-2022 items of
 * seeds/accountability.seed.ts, and their illustrative effects written into the daily actuals
 * (each year's total unchanged). The worker measures them (effects.refresh at start and on
 * its schedule).
 */
export async function seedAccountability(
  manager: EntityManager,
  { organizations }: { organizations: Record<string, string> },
): Promise<void> {
  const now = new Date();
  const campaignIds: Record<string, string> = {};
  for (const c of ACCOUNTABILITY_CAMPAIGNS) {
    campaignIds[c.key] = newId();
    await manager.insert(Campaign, {
      id: campaignIds[c.key],
      name: c.name,
      description: c.description,
      channel: c.channel,
      status: c.status,
      budgetYuan: c.budgetYuan,
      startDate: c.startDate,
      endDate: c.endDate,
      targetMarkets: c.targetMarkets,
      responsibleUnit: c.responsibleUnit,
      responsibleOrganizationId: c.responsibleOrganization ? organizations[c.responsibleOrganization] : null,
      expectedIncrementalVisitors: c.expectedIncrementalVisitors,
      expectedIncrementalRevenueYuan: c.expectedIncrementalRevenueYuan,
      actualSpendYuan: c.actualSpendYuan ?? null,
      note: c.note,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  const venueIds = new Map<string, Venue>();
  for (const v of DEMO_VENUES) {
    const venue = await manager.findOneBy(Venue, { nameZh: v.nameZh });
    if (venue) venueIds.set(v.key, venue);
  }
  for (const e of ACCOUNTABILITY_EVENTS) {
    const venue = venueIds.get(e.venue);
    if (!venue) continue;
    const id = newId();
    await manager.insert(Event, {
      id,
      organizationId: organizations[e.organization],
      titleZh: e.titleZh,
      titleEn: e.titleEn,
      description: e.description,
      category: e.category,
      status: e.status,
      venueId: venue.id,
      startsAt: parseDateTimeText(e.startsAt, venue.timeZone),
      endsAt: parseDateTimeText(e.endsAt, venue.timeZone),
      expectedAttendance: e.expectedAttendance,
      expectedOutsideCitySharePct: e.expectedOutsideCitySharePct,
      expectedSpendPerAttendeeYuan: e.expectedSpendPerAttendeeYuan,
      contactName: e.contactName,
      campaignId: e.campaign ? campaignIds[e.campaign] : null,
      actualAttendance: e.actualAttendance ?? null,
      actualRevenueYuan: e.actualRevenueYuan ?? null,
      publishedAt: now,
      note: e.note,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(EventHistory, {
      id: newId(),
      eventId: id,
      seq: 1,
      at: now,
      actorId: null,
      actorName: 'Demo seed',
      actorRole: 'system',
      action: 'import',
      fromStatus: null,
      toStatus: e.status,
      reason: 'Loaded by the demo seed (illustrative data, measured-uplift demo)',
      details: null,
    });
  }

  let changed = 0;
  const series = new Map<string, typeof ILLUSTRATIVE_EFFECTS>();
  for (const effect of ILLUSTRATIVE_EFFECTS)
    for (const metric of effect.metrics) {
      const venueId = effect.venue ? venueIds.get(effect.venue)?.id : null;
      if (venueId === undefined) continue;
      const key = `${scopeKeyOf(venueId)}|${metric}|${effect.from.slice(0, 4)}`;
      series.set(key, [...(series.get(key) ?? []), effect]);
    }
  for (const [key, effects] of series) {
    const [scopeKey, metric, year] = key.split('|');
    const rows = await manager
      .getRepository(Actual)
      .createQueryBuilder('a')
      .where('a.scopeKey = :scopeKey AND a.metric = :metric AND a.date LIKE :year', {
        scopeKey,
        metric,
        year: `${year}-%`,
      })
      .orderBy('a.date')
      .getMany();
    const values = withEffects(rows, effects);
    const updated = rows.map((row, i) => {
      if (values[i] === row.value) return row;
      changed++;
      const inWindow = effects.some((w) => row.date >= w.from && row.date <= w.to);
      return { ...row, value: values[i], ...(inWindow ? { note: EFFECT_NOTE } : {}) };
    });
    // Replace the series' year in a few statements (row by row would slow the first start).
    await manager
      .createQueryBuilder()
      .delete()
      .from(Actual)
      .where('scopeKey = :scopeKey AND metric = :metric AND date LIKE :year', {
        scopeKey,
        metric,
        year: `${year}-%`,
      })
      .execute();
    for (let i = 0; i < updated.length; i += 500) await manager.insert(Actual, updated.slice(i, i + 500));
  }
  logger.log(
    `Seeded ${ACCOUNTABILITY_CAMPAIGNS.length} campaigns and ${ACCOUNTABILITY_EVENTS.length} events for measured uplift; ${changed} daily actuals carry illustrative effects`,
  );
}
