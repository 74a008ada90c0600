import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importActuals, pinClock, syntheticYear } from '../factories/actuals.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface ReportTarget {
  targetId: string;
  metric: string;
  year: number;
  targetTotal: number | null;
  week: { days: number; daysWithActuals: number; actual: number | null };
  yearToDate: { through: string; days: number };
  revenuePerVisitor: { needed: number | null } | null;
}

/** A week across New Year reports the targets of both years, each over its own days of the week. */
describe('weekly report of a week across New Year', () => {
  let t: TestApp;
  let viewer: TestUser;
  const ids: Record<string, string> = {};

  const report = async (week: string) =>
    (await t.http.get(`/api/v1/reports/weekly?week=${week}&format=json`).set(viewer.auth).expect(200))
      .body as {
      targets: ReportTarget[];
    };

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    pinClock(t.app, '2026-02-01T01:00:00Z');
    const planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    await importActuals(t.app, [
      ...syntheticYear(2021, 'visitors'),
      ...syntheticYear(2021, 'revenue', { base: 800_000 }),
      ...syntheticYear(2022, 'visitors', { base: 1_200 }),
      ...syntheticYear(2022, 'revenue', { base: 1_000_000 }),
    ]);
    const target = async (year: number, metric: string, baselineYear: number, growthRate: number) => {
      const res = await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ year, metric, scope: 'city', baselineYear, growthRate })
        .expect(201);
      ids[`${metric}${year}`] = res.body.id;
    };
    await target(2022, 'visitors', 2021, 0.3);
    await target(2023, 'visitors', 2022, 0.1);
    await target(2023, 'revenue', 2022, 0.2);
    await target(2022, 'revenue', 2021, 0.34);
    await target(2025, 'visitors', 2022, 0.5);
    await target(2026, 'visitors', 2022, 0.6);
  });
  afterAll(() => t.close());

  it('2022-W52 (26 December to 1 January) reports 2022 over six days and 2023 over one', async () => {
    const { targets } = await report('2022-W52');
    const byId = new Map(targets.map((x) => [x.targetId, x]));
    expect([...byId.keys()].sort()).toEqual(
      [ids.visitors2022, ids.revenue2022, ids.visitors2023, ids.revenue2023].sort(),
    );
    expect(byId.get(ids.visitors2022)).toMatchObject({
      year: 2022,
      week: { days: 6, daysWithActuals: 6 },
      yearToDate: { through: '2022-12-31', days: 365 },
    });
    expect(byId.get(ids.visitors2023)).toMatchObject({
      year: 2023,
      week: { days: 1, daysWithActuals: 0, actual: null },
      yearToDate: { through: '2023-01-01', days: 1 },
    });
    // Revenue per visitor needed pairs the revenue target with the visitors target of its own year.
    const needed = (revenue: string, visitors: string) =>
      byId.get(revenue)!.targetTotal! / byId.get(visitors)!.targetTotal!;
    expect(byId.get(ids.revenue2023)!.revenuePerVisitor!.needed).toBeCloseTo(
      needed(ids.revenue2023, ids.visitors2023),
      9,
    );
    expect(byId.get(ids.revenue2022)!.revenuePerVisitor!.needed).toBeCloseTo(
      needed(ids.revenue2022, ids.visitors2022),
      9,
    );
  });

  it('2026-W01 (29 December 2025 to 4 January 2026) reports 2025 over three days and 2026 over four', async () => {
    const { targets } = await report('2026-W01');
    expect(targets.map((x) => [x.targetId, x.year, x.week.days])).toEqual([
      [ids.visitors2025, 2025, 3],
      [ids.visitors2026, 2026, 4],
    ]);
  });

  it('a week inside one year reports that year only', async () => {
    const { targets } = await report('2023-W01');
    expect(targets.map((x) => x.targetId).sort()).toEqual([ids.visitors2023, ids.revenue2023].sort());
  });
});
