import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ACTUAL_NOTE, DEMO_TARGETS, demoActuals, ILLUSTRATIVE_SOURCE } from '../../seeds/baseline.seed.js';
import { DEMO_VENUES } from '../../seeds/venues.seed.js';
import { Actual } from '../actuals/actual.entity.js';
import { scopeKeyOf } from '../actuals/metric.js';
import { newId } from '../infra/database/new-id.js';
import { Target } from './target.entity.js';

const logger = new Logger('Seed');

/**
 * Demo seed step: illustrative daily actuals (2020, 2021, 2022 up to the demo date) for the city
 * and the seeded scenic areas, and the 2022 targets (+30 % arrivals, +34 % revenue for the
 * city; +30 % arrivals at Wulingyuan and Tianmen). Runs after the venues step and looks the
 * venues up by name; without venues it seeds the city only. The targets start dirty, so the
 * worker's sweep queues their first projection.
 */
export async function seedTargetsAndActuals(manager: EntityManager): Promise<void> {
  const rows = await manager
    .createQueryBuilder()
    .select('v.id', 'id')
    .addSelect('v.nameZh', 'nameZh')
    .from('venues', 'v')
    .getRawMany<{ id: string; nameZh: string }>();
  const venueIds = new Map<string, string>();
  for (const venue of DEMO_VENUES) {
    const row = rows.find((r) => r.nameZh === venue.nameZh);
    if (row) venueIds.set(venue.key, row.id);
  }

  const now = new Date();
  const actuals = demoActuals([...venueIds.keys()]).map((a) => {
    const venueId = a.venue ? venueIds.get(a.venue)! : null;
    return {
      scopeKey: scopeKeyOf(venueId),
      metric: a.metric,
      date: a.date,
      scope: venueId ? ('venue' as const) : ('city' as const),
      venueId,
      value: a.value,
      source: ILLUSTRATIVE_SOURCE,
      note: ACTUAL_NOTE,
      updatedAt: now,
    };
  });
  for (let i = 0; i < actuals.length; i += 500) await manager.insert(Actual, actuals.slice(i, i + 500));

  let targets = 0;
  for (const t of DEMO_TARGETS) {
    const venueId = t.venue ? venueIds.get(t.venue) : null;
    if (venueId === undefined) continue;
    await manager.insert(Target, {
      id: newId(),
      year: 2022,
      metric: t.metric,
      scope: venueId ? 'venue' : 'city',
      venueId,
      scopeKey: scopeKeyOf(venueId),
      baselineYear: 2021,
      growthRate: t.growthRate,
      enteredTotal: null,
      note: t.note,
      inputsVersion: 1,
      projectedVersion: 0,
      dirtySince: now,
      createdById: null,
    });
    targets++;
  }
  logger.log(`Seeded ${actuals.length} illustrative daily actuals and ${targets} targets`);
}
