import type { DataSource } from 'typeorm';
import { Actual } from '../../src/actuals/actual.entity.js';
import { Campaign } from '../../src/campaigns/campaign.entity.js';
import { CAMPAIGN_CHANNELS } from '../../src/campaigns/campaign-status.js';
import { dayOfYear, eachDay, isWeekend, startOfLocalDay, addDays } from '../../src/common/time/local-date.js';
import { Event } from '../../src/events/event.entity.js';
import { newId } from '../../src/infra/database/new-id.js';
import { Organization } from '../../src/organizations/organization.entity.js';
import { Target } from '../../src/targets/target.entity.js';
import { Venue } from '../../src/venues/venue.entity.js';

/**
 * Generated (illustrative, deterministic) data for bench:rebuild: 10 venues; daily visitors and
 * revenue for the city and each venue from 2017 to `lastActual` (five full years before 2022);
 * the 22 targets of 2022 (both metrics, city and venues, +30 % / +34 % over 2021, all dirty);
 * 500 events and 50 campaigns in 2022.
 */
export interface RebuildFixture {
  venueIds: string[];
  targetIds: string[];
  /** Approved events starting after `lastActual`: the ones the burst edits. */
  editableEventIds: string[];
  organizationId: string;
  actualRows: number;
}

const SOURCE = 'bench-illustrative';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertChunks<T extends object>(dataSource: DataSource, entity: new () => T, rows: T[]) {
  for (let i = 0; i < rows.length; i += 400)
    await dataSource.getRepository(entity).insert(rows.slice(i, i + 400));
}

export async function loadRebuildFixture(
  dataSource: DataSource,
  lastActual = '2022-06-30',
): Promise<RebuildFixture> {
  const rnd = random(42);
  const now = new Date();
  const organizationId = newId();
  await dataSource
    .getRepository(Organization)
    .insert({ id: organizationId, name: 'Bench organizer', kind: 'scenic_area_operator' });
  const venueIds = Array.from({ length: 10 }, () => newId());
  await insertChunks(
    dataSource,
    Venue,
    venueIds.map((id, i) => ({
      id,
      nameZh: `基准景区 ${i + 1}`,
      nameEn: `Bench venue ${i + 1}`,
      district: '武陵源区',
      kind: 'scenic_area' as const,
      maxDailyCapacity: 1_000_000,
      timeZone: 'Asia/Shanghai',
      note: 'Generated for bench:rebuild (illustrative)',
    })) as Venue[],
  );

  // Seasonal daily series growing a little each year, with weekend peaks and noise.
  const actuals: Actual[] = [];
  const scopes: (string | null)[] = [null, ...venueIds];
  scopes.forEach((venueId, s) => {
    const base = venueId ? 2_000 + 1_000 * s : 60_000;
    for (const date of eachDay('2017-01-01', lastActual)) {
      const year = Number(date.slice(0, 4));
      const season = 1 + 0.5 * Math.sin(((dayOfYear(date) - 100) / 365) * 2 * Math.PI);
      const visitors = Math.round(
        base * season * (isWeekend(date) ? 1.4 : 1) * (1 + 0.06 * (year - 2017)) * (0.9 + 0.2 * rnd()),
      );
      for (const [metric, value] of [
        ['visitors', visitors],
        ['revenue', visitors * (900 + Math.round(100 * rnd()))],
      ] as const) {
        actuals.push({
          scopeKey: venueId ?? 'city',
          metric,
          date,
          scope: venueId ? 'venue' : 'city',
          venueId,
          value,
          source: SOURCE,
          note: null,
          updatedAt: now,
        });
      }
    }
  });
  await insertChunks(dataSource, Actual, actuals);

  const targets: Partial<Target>[] = scopes.flatMap((venueId) =>
    (['visitors', 'revenue'] as const).map((metric) => ({
      id: newId(),
      year: 2022,
      metric,
      scope: venueId ? ('venue' as const) : ('city' as const),
      venueId,
      scopeKey: venueId ?? 'city',
      baselineYear: 2021,
      growthRate: metric === 'visitors' ? 0.3 : 0.34,
      enteredTotal: null,
      note: 'bench:rebuild (illustrative)',
      inputsVersion: 1,
      projectedVersion: 0,
      dirtySince: now,
    })),
  );
  await insertChunks(dataSource, Target, targets as Target[]);

  const editableEventIds: string[] = [];
  const events: Partial<Event>[] = [];
  for (let i = 0; i < 500; i++) {
    const start = addDays('2022-01-01', Math.floor(rnd() * 360));
    const days = 1 + Math.floor(rnd() * 3);
    const past = start <= lastActual;
    const status = i % 10 === 9 ? 'submitted' : past && i % 3 === 0 ? 'completed' : 'approved';
    const attendance = 500 + Math.floor(rnd() * 30_000);
    const id = newId();
    if (status === 'approved' && !past) editableEventIds.push(id);
    events.push({
      id,
      organizationId,
      titleZh: `基准活动 ${i + 1}`,
      titleEn: `Bench event ${i + 1}`,
      category: 'festival',
      status,
      venueId: venueIds[i % venueIds.length],
      startsAt: new Date(startOfLocalDay(start).getTime() + 9 * 3_600_000),
      endsAt: new Date(startOfLocalDay(addDays(start, days - 1)).getTime() + 18 * 3_600_000),
      expectedAttendance: attendance,
      expectedOutsideCitySharePct: 20 + Math.floor(rnd() * 60),
      expectedSpendPerAttendeeYuan: 200 + Math.floor(rnd() * 1_300),
      actualAttendance: status === 'completed' ? Math.round(attendance * (0.7 + 0.6 * rnd())) : null,
      contactName: 'Bench',
      note: 'Generated for bench:rebuild (illustrative)',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
  await insertChunks(dataSource, Event, events as Event[]);

  const campaigns: Partial<Campaign>[] = Array.from({ length: 50 }, (_, i) => {
    const start = addDays('2022-01-01', Math.floor(rnd() * 330));
    return {
      id: newId(),
      name: `基准营销 ${i + 1}`,
      channel: CAMPAIGN_CHANNELS[i % CAMPAIGN_CHANNELS.length],
      status: (['scheduled', 'active', 'completed'] as const)[i % 3],
      budgetYuan: 1_000_000,
      startDate: start,
      endDate: addDays(start, 7 + Math.floor(rnd() * 60)),
      targetMarkets: ['长沙'],
      responsibleUnit: '市文旅局',
      expectedIncrementalVisitors: 5_000 + Math.floor(rnd() * 50_000),
      expectedIncrementalRevenueYuan: 5_000_000 + Math.floor(rnd() * 50_000_000),
      actualSpendYuan: i % 3 === 2 ? 900_000 : null,
      actualIncrementalVisitors: i % 3 === 2 ? 10_000 : null,
      note: 'Generated for bench:rebuild (illustrative)',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  await insertChunks(dataSource, Campaign, campaigns as Campaign[]);

  return {
    venueIds,
    targetIds: targets.map((t) => t.id!),
    editableEventIds,
    organizationId,
    actualRows: actuals.length,
  };
}
