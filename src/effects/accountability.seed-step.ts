import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACCOUNTABILITY_CAMPAIGNS,
  ACCOUNTABILITY_EVENTS,
  EFFECT_NOTE,
  ILLUSTRATIVE_EFFECTS,
  withEffects,
} from '../../seeds/accountability.seed.js';
import { Actual } from '../actuals/actual.entity.js';
import { scopeKeyOf } from '../actuals/metric.js';
import { insertDemoPlan } from '../events/planning.seed-step.js';

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
  const venueIds = await insertDemoPlan(
    manager,
    organizations,
    ACCOUNTABILITY_CAMPAIGNS,
    ACCOUNTABILITY_EVENTS,
    'Loaded by the demo seed (illustrative data, measured-uplift demo)',
  );

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
