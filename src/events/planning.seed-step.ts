import type { EntityManager } from 'typeorm';
import { DEMO_CAMPAIGNS, DEMO_EVENTS, type CampaignSeed, type EventSeed } from '../../seeds/planning.seed.js';
import { DEMO_VENUES } from '../../seeds/venues.seed.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { parseDateTimeText } from '../common/time/local-date.js';
import { newId } from '../infra/database/new-id.js';
import { Venue } from '../venues/venue.entity.js';
import { EventHistory } from './event-history.entity.js';
import { Event } from './event.entity.js';

/**
 * Demo seed step: the 2022 campaigns and events of seeds/planning.seed.ts, linked to the seeded
 * organizations and venues (run after the venues step). Each event's audit trail says it was
 * loaded by the demo seed.
 */
export async function seedPlanning(
  manager: EntityManager,
  { organizations }: { organizations: Record<string, string> },
): Promise<void> {
  await insertDemoPlan(
    manager,
    organizations,
    DEMO_CAMPAIGNS,
    DEMO_EVENTS,
    'Loaded by the demo seed (illustrative data)',
  );
}

/**
 * Inserts demo campaigns and events (events at the seeded venues, linked to their campaigns, each
 * with a first audit line giving `reason`); returns the venues by seed key. Shared by the demo
 * seed steps.
 */
export async function insertDemoPlan(
  manager: EntityManager,
  organizations: Record<string, string>,
  campaigns: CampaignSeed[],
  events: EventSeed[],
  reason: string,
): Promise<Map<string, Venue>> {
  const now = new Date();
  const campaignIds: Record<string, string> = {};
  for (const c of campaigns) {
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
  const venues = new Map<string, Venue>();
  for (const v of DEMO_VENUES) venues.set(v.key, await manager.findOneByOrFail(Venue, { nameZh: v.nameZh }));
  for (const e of events) {
    const venue = venues.get(e.venue)!;
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
      publishedAt: e.status === 'approved' || e.status === 'completed' ? now : null,
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
      reason,
      details: null,
    });
  }
  return venues;
}
