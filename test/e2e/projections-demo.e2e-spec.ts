import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_DATE } from '../../seeds/baseline.seed.js';
import { MoreThanOrEqual } from 'typeorm';
import { Campaign } from '../../src/campaigns/campaign.entity.js';
import { Event } from '../../src/events/event.entity.js';
import { TokenService } from '../../src/common/auth/token.service.js';
import { ProjectionSnapshot } from '../../src/projections/rebuild/projection-snapshot.entity.js';
import { RebuildSweep } from '../../src/projections/rebuild/rebuild-sweep.js';
import { ReportProjectionReader } from '../../src/projections/read/report-projection.reader.js';
import { DEMO_SEED_STEPS } from '../../src/seeding/demo-seed-steps.js';
import { seedDemo, type SeededUser } from '../../src/seeding/demo-seed.js';
import { pinClock } from '../factories/actuals.factory.js';
import { waitForProjection } from '../factories/projection.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface TargetBody {
  id: string;
  metric: string;
  scope: string;
  targetTotal: number;
}

/** On the demo data, the worker's sweep projects every seeded target. */
describe('projections of the demo data', () => {
  let t: TestApp;
  let users: SeededUser[];
  let targets: TargetBody[];
  const snapshots = new Map<string, ProjectionSnapshot>();
  const auth = (role: string) => ({ Authorization: `Bearer ${users.find((u) => u.role === role)!.token}` });

  beforeAll(async () => {
    t = await createTestApp();
    // The day after the demo's last actuals.
    pinClock(t.app, '2022-04-11T04:00:00Z');
    users = (await seedDemo(t.dataSource, t.app.get(TokenService), DEMO_SEED_STEPS))!;
    targets = (await t.http.get('/api/v1/targets?year=2022').set(auth('viewer')).expect(200)).body.items;
    expect(targets).toHaveLength(4);
    // The seed runs after the worker started (as in `npm start`): the periodic sweep, run now,
    // queues every target still dirty (the worker's start-up sweep may have met the seed's
    // targets already, and rebuilt some of them).
    const sweep = await t.app.get(RebuildSweep).sweep();
    expect(sweep).toMatchObject({ queued: sweep.dirty, failed: 0 });
    for (const target of targets)
      snapshots.set(target.id, await waitForProjection(t.dataSource, target.id, 60_000));
  }, 90_000);
  afterAll(() => t.close());

  const city = (metric: string) => targets.find((x) => x.scope === 'city' && x.metric === metric)!;

  it('forecasts each target from the 2020-2021 history, short of the +30 % / +34 %', () => {
    for (const target of targets) {
      const s = snapshots.get(target.id)!;
      expect(s).toMatchObject({
        asOf: DEMO_DATE,
        method: 'forecast',
        missingDates: [],
        targetTotal: target.targetTotal,
      });
      expect(s.notes.join(' ')).toMatch(/Monthly history: 2020-2021 \(24 months\)/);
      // The illustrative 2022 pace (+17 % visitors, +21 % revenue) is well below the targets.
      expect(s.lo95).toBeLessThanOrEqual(s.lo80);
      expect(s.lo80).toBeLessThanOrEqual(s.median);
      expect(s.median).toBeLessThanOrEqual(s.hi80);
      expect(s.hi80).toBeLessThanOrEqual(s.hi95);
      expect(s.median).toBeLessThan(target.targetTotal);
      expect(s.gap).toBeLessThan(0);
      expect(s.neededDaily).toBeGreaterThan(s.expectedDaily);
    }
  });

  it('counts the approved or completed events and the scheduled, active or completed campaigns, once', async () => {
    const s = snapshots.get(city('visitors').id)!;
    const counted = new Set(s.contributions.map((c) => c.id));
    const rows: { id: string; status: string }[] = [
      // Items of 2022 (the demo also has completed 2021 items, for measured uplift).
      ...(await t.dataSource.getRepository(Event).find({
        select: { id: true, status: true },
        where: { endsAt: MoreThanOrEqual(new Date('2021-12-31T16:00:00Z')) },
      })),
      ...(await t.dataSource.getRepository(Campaign).find({
        select: { id: true, status: true },
        where: { endDate: MoreThanOrEqual('2022-01-01') },
      })),
    ];
    const counts = ['approved', 'completed', 'scheduled', 'active'];
    expect(rows.some((r) => !counts.includes(r.status))).toBe(true); // the seed has drafts etc.
    for (const row of rows)
      expect([row.status, counted.has(row.id)]).toEqual([row.status, counts.includes(row.status)]);
    expect(counted.size).toBe(s.contributions.length);
    const remaining = s.contributions.reduce((sum, c) => sum + c.remaining, 0);
    expect(s.contributionsTotal).toBe(remaining);
    for (const c of s.contributions) expect(c.realised + c.remaining).toBe(c.actual ?? c.expected);
  });

  it('shows the revenue per visitor the two targets ask: +3.08 % over 2021', () => {
    const revenue = snapshots.get(city('revenue').id)!;
    expect(revenue.revenuePerVisitor).toMatchObject({
      visitorsTargetId: city('visitors').id,
      baseline: { year: 2021 },
      neededChange: 0.0308,
    });
    expect(revenue.revenuePerVisitor!.projected!.visitors).toBe(snapshots.get(city('visitors').id)!.median);
  });

  it('serves the projections and the compact progress over HTTP', async () => {
    for (const target of targets) {
      const body = (
        await t.http.get(`/api/v1/targets/${target.id}/projection`).set(auth('organizer')).expect(200)
      ).body;
      expect(body).toMatchObject({ stale: false, asOf: DEMO_DATE, snapshot: { targetId: target.id } });
      const progress = await t.http
        .get(`/api/v1/targets/${target.id}/progress`)
        .set(auth('viewer'))
        .expect(200);
      expect(progress.body.status).toMatch(/^(on_track|at_risk|off_track)$/);
    }
  });

  it('gives the weekly report its view through the reader seam', async () => {
    const id = city('visitors').id;
    const reader = t.app.get(ReportProjectionReader);
    const view = await reader.latestFor(id);
    const s = snapshots.get(id)!;
    expect(view).toMatchObject({
      targetId: id,
      asOf: DEMO_DATE,
      stale: false,
      median: s.median,
      interval80: [s.lo80, s.hi80],
      expectedWeeklyRunRate: s.expectedWeekly,
    });
    expect(view!.path[0].date).toBe(DEMO_DATE);
    expect(view!.path.at(-1)).toMatchObject({ date: '2022-12-31', median: s.median });
    // The week that ends on the last day of actuals: the stored snapshot itself.
    const week = (await reader.asOf([id], DEMO_DATE)).get(id)!;
    expect(week).toMatchObject({ asOf: DEMO_DATE, median: s.median, stale: false });
    // A week before: computed for that date (actuals through its Sunday), not stored.
    const before = (await reader.asOf([id], '2022-04-03')).get(id)!;
    expect(before.asOf).toBe('2022-04-03');
    expect(before.median).not.toBe(s.median);
    expect(await t.dataSource.getRepository(ProjectionSnapshot).countBy({ targetId: id })).toBe(1);
  });
});
