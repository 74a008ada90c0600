import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Job } from 'bullmq';
import request from 'supertest';
import { CITY_TOTALS_2020, DEMO_DATE, GROWTH_2021, yearlyTotals } from '../../seeds/baseline.seed.js';
import { DEMO_VENUES } from '../../seeds/venues.seed.js';
import { eachDay, isoWeekday } from '../../src/common/time/local-date.js';
import { JobProducer } from '../../src/infra/queue/job-producer.js';
import { startPrivateRedis } from '../../src/infra/redis/embedded-redis.js';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import { ProjectionState } from '../../src/projections/rebuild/projection-state.js';
import { seedTargetsAndActuals } from '../../src/targets/targets.seed-step.js';
import { seedVenues } from '../../src/venues/venues.seed-step.js';
import { importActuals, startAppOn, syntheticYear, targetRow } from '../factories/actuals.factory.js';
import { createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface PathDay {
  date: string;
  expected: number;
  cumulative: number;
  alignedFrom: string | null;
  rule: string;
}

/** The rebuild jobs of a target in the app's projections queue. */
async function rebuildJobs(app: NestFastifyApplication, targetId: string): Promise<Job[]> {
  const jobs = await app
    .get(JobProducer)
    .queue('projections')
    .getJobs(['delayed', 'waiting', 'active', 'completed', 'failed']);
  return jobs.filter((j) => j.name === 'projections.rebuild' && j.data.targetId === targetId);
}

describe('targets over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let venueId: string;
  let otherVenueId: string;
  let baselineVisitors: number;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, admin)).id;
    otherVenueId = (await createVenue(t.http, admin)).id;
    const visitors = syntheticYear(2021, 'visitors');
    baselineVisitors = visitors.reduce((sum, r) => sum + r.value, 0);
    await importActuals(t.app, visitors);
    // Revenue: only January 2021 recorded.
    await importActuals(
      t.app,
      syntheticYear(2021, 'revenue', { base: 900_000, skip: (d) => d > '2021-01-31' }),
    );
    await importActuals(t.app, syntheticYear(2021, 'visitors', { base: 300, venueId }));
  });
  afterAll(() => t.close());

  const cityVisitors = { year: 2022, metric: 'visitors', scope: 'city', baselineYear: 2021, growthRate: 0.3 };
  let visitorsTarget: { id: string; targetTotal: number };
  let revenueTarget: { id: string };

  describe('setting targets', () => {
    it('lets planners and admins set one, computed from the baseline actuals', async () => {
      await t.http.post('/api/v1/targets').set(viewer.auth).send(cityVisitors).expect(403);
      await t.http.post('/api/v1/targets').set(organizer.auth).send(cityVisitors).expect(403);
      const res = await t.http.post('/api/v1/targets').set(planner.auth).send(cityVisitors).expect(201);
      expect(res.body).toMatchObject({
        ...cityVisitors,
        venueId: null,
        baselineTotal: baselineVisitors,
        baselineDaysWithFigures: 365,
        baselineDaysInYear: 365,
        targetTotal: Math.round(baselineVisitors * 1.3),
        totalSource: 'baseline_actuals',
        projection: { dirty: true },
      });
      visitorsTarget = res.body;
    });

    it('allows one target per year, metric and scope', async () => {
      const res = await t.http.post('/api/v1/targets').set(admin.auth).send(cityVisitors).expect(409);
      expect(res.body.code).toBe('target_exists');
    });

    it('refuses an entered total when the baseline is complete, and needs one when it is not', async () => {
      const entered = await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...cityVisitors, year: 2023, targetTotal: 5 })
        .expect(422);
      expect(entered.body.code).toBe('target_total_computed');
      const revenue = { year: 2022, metric: 'revenue', scope: 'city', baselineYear: 2021, growthRate: 0.34 };
      const missing = await t.http.post('/api/v1/targets').set(planner.auth).send(revenue).expect(422);
      expect(missing.body.code).toBe('baseline_actuals_missing');
      expect(missing.body.message).toMatch(/31 of 365 days/);
      const res = await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...revenue, targetTotal: 36_500_000_000 })
        .expect(201);
      expect(res.body).toMatchObject({
        targetTotal: 36_500_000_000,
        totalSource: 'entered',
        baselineTotal: null,
        baselineDaysWithFigures: 31,
      });
      revenueTarget = res.body;
    });

    it('scopes a target to a venue, which must exist', async () => {
      const body = { ...cityVisitors, scope: 'venue', venueId };
      const res = await t.http.post('/api/v1/targets').set(planner.auth).send(body).expect(201);
      expect(res.body).toMatchObject({ scope: 'venue', venueId, totalSource: 'baseline_actuals' });
      expect(res.body.targetTotal).toBe(Math.round(res.body.baselineTotal * 1.3));
      await t.http.post('/api/v1/targets').set(planner.auth).send(body).expect(409);
      await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...body, venueId: undefined })
        .expect(400);
      await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...cityVisitors, venueId })
        .expect(400);
      const unknown = await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...body, venueId: 'no-such-venue' })
        .expect(422);
      expect(unknown.body.code).toBe('venue_unknown');
      await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...cityVisitors, year: 2024, baselineYear: 2024 })
        .expect(400);
    });

    it('lists and reads targets for anyone signed in', async () => {
      const list = await t.http.get('/api/v1/targets?year=2022&scope=city').set(organizer.auth).expect(200);
      expect(list.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
      expect(list.body.items.map((x: { metric: string }) => x.metric).sort()).toEqual([
        'revenue',
        'visitors',
      ]);
      const page = await t.http.get('/api/v1/targets?year=2022&scope=city&limit=1&offset=1').set(viewer.auth);
      expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0].metric).not.toBe(list.body.items[0].metric);
      await t.http.get('/api/v1/targets?limit=500').set(viewer.auth).expect(400);
      const one = await t.http.get(`/api/v1/targets/${visitorsTarget.id}`).set(viewer.auth).expect(200);
      expect(one.body.id).toBe(visitorsTarget.id);
      await t.http.get('/api/v1/targets/nope').set(viewer.auth).expect(404);
    });
  });

  describe('the target path', () => {
    let days: PathDay[];

    beforeAll(async () => {
      const res = await t.http.get(`/api/v1/targets/${visitorsTarget.id}/path`).set(viewer.auth).expect(200);
      expect(res.body).toMatchObject({
        year: 2022,
        targetTotal: visitorsTarget.targetTotal,
        shape: 'baseline_profile',
        calendars: { baseline: 'package', target: 'package' },
        from: '2022-01-01',
        to: '2022-12-31',
      });
      days = res.body.days;
    });

    it('adds up to the total exactly', () => {
      expect(days).toHaveLength(365);
      expect(days.reduce((sum, d) => sum + d.expected, 0)).toBe(visitorsTarget.targetTotal);
      expect(days.at(-1)!.cumulative).toBe(visitorsTarget.targetTotal);
    });

    it('is fair in February: the Spring Festival peak sits on the 2022 dates', () => {
      const day = new Map(days.map((d) => [d.date, d]));
      expect(day.get('2022-02-01')).toMatchObject({ alignedFrom: '2021-02-12', rule: 'holiday' });
      // Spring Festival 2022 (31 January - 6 February) expects 6× an ordinary weekday...
      const ordinaryWednesday = day.get('2022-02-16')!;
      expect(ordinaryWednesday.rule).toBe('ordinary');
      expect(day.get('2022-02-02')!.expected / ordinaryWednesday.expected).toBeCloseTo(6, 1);
      // ...while 12 February 2022, the date of 2021's peak, is no peak: a Saturday in the days
      // after the 2022 holiday, shaped like the same day after 2021's (a Tuesday, 1×).
      expect(day.get('2022-02-12')).toMatchObject({ alignedFrom: '2021-02-23', rule: 'shoulder' });
      expect(day.get('2022-02-12')!.expected / ordinaryWednesday.expected).toBeCloseTo(1, 1);
      expect(day.get('2022-02-19')!.expected / ordinaryWednesday.expected).toBeCloseTo(1.5, 1);
      // The 2022 holiday carries the share of the year 2021's holiday had, and by its end the
      // path expects far more than a path laid on 2021's calendar dates would.
      const share = (date: string) => day.get(date)!.cumulative / visitorsTarget.targetTotal;
      const baseline = syntheticYear(2021, 'visitors');
      const baselineShareBy = (date: string) =>
        baseline.filter((r) => r.date <= date).reduce((s, r) => s + r.value, 0) / baselineVisitors;
      const holidayShare = baselineShareBy('2021-02-17') - baselineShareBy('2021-02-10');
      expect(share('2022-02-06') - share('2022-01-30')).toBeCloseTo(holidayShare, 2);
      expect(share('2022-02-06')).toBeGreaterThan(baselineShareBy('2021-02-06') + 0.7 * holidayShare);
    });

    it('keeps the weekday rhythm on ordinary days', () => {
      const march = days.filter((d) => d.date.startsWith('2022-03') && d.rule === 'ordinary');
      const saturdays = march.filter((d) => isoWeekday(d.date) === 6).map((d) => d.expected);
      const tuesdays = march.filter((d) => isoWeekday(d.date) === 2).map((d) => d.expected);
      expect(Math.min(...saturdays)).toBeGreaterThan(Math.max(...tuesdays) * 1.4);
    });

    it('slices by from/to within the year', async () => {
      const res = await t.http
        .get(`/api/v1/targets/${visitorsTarget.id}/path?from=2022-01-30&to=2022-02-02`)
        .set(viewer.auth)
        .expect(200);
      expect(res.body.days.map((d: PathDay) => d.date)).toEqual(eachDay('2022-01-30', '2022-02-02'));
      expect(res.body.days[3].cumulative).toBe(days[32].cumulative);
      await t.http
        .get(`/api/v1/targets/${visitorsTarget.id}/path?from=2021-12-01`)
        .set(viewer.auth)
        .expect(400);
    });

    it('is uniform, and says so, when the baseline has no daily profile', async () => {
      const res = await t.http.get(`/api/v1/targets/${revenueTarget.id}/path`).set(viewer.auth).expect(200);
      expect(res.body.shape).toBe('uniform');
      expect(res.body.shapeNote).toMatch(/31 of 365 days/);
      const expected = res.body.days.map((d: PathDay) => d.expected);
      expect(Math.max(...expected) - Math.min(...expected)).toBeLessThanOrEqual(1);
      expect(expected.reduce((a: number, b: number) => a + b, 0)).toBe(36_500_000_000);
      expect(res.body.days.every((d: PathDay) => d.rule === 'uniform')).toBe(true);
    });
  });

  describe('changes and rebuilds', () => {
    it('updates a target (planners, admins) and marks it dirty', async () => {
      const before = await targetRow(t.dataSource, visitorsTarget.id);
      await t.http
        .patch(`/api/v1/targets/${visitorsTarget.id}`)
        .set(viewer.auth)
        .send({ growthRate: 0.35 })
        .expect(403);
      const res = await t.http
        .patch(`/api/v1/targets/${visitorsTarget.id}`)
        .set(planner.auth)
        .send({ growthRate: 0.35, note: 'raised' })
        .expect(200);
      expect(res.body).toMatchObject({
        growthRate: 0.35,
        note: 'raised',
        targetTotal: Math.round(baselineVisitors * 1.35),
      });
      expect((await targetRow(t.dataSource, visitorsTarget.id)).inputsVersion).toBe(before.inputsVersion + 1);
      const entered = await t.http
        .patch(`/api/v1/targets/${visitorsTarget.id}`)
        .set(planner.auth)
        .send({ targetTotal: 1 })
        .expect(422);
      expect(entered.body.code).toBe('target_total_computed');
      await t.http
        .patch(`/api/v1/targets/${revenueTarget.id}`)
        .set(planner.auth)
        .send({ targetTotal: null })
        .expect(422);
      await t.http
        .patch(`/api/v1/targets/${revenueTarget.id}`)
        .set(planner.auth)
        .send({ year: 2030 })
        .expect(400);
      for (const field of ['growthRate', 'baselineYear']) {
        const res = await t.http
          .patch(`/api/v1/targets/${revenueTarget.id}`)
          .set(planner.auth)
          .send({ [field]: null })
          .expect(400);
        expect(res.body.message).toContain(`${field} must not be null`);
      }
    });

    it('marks the affected targets dirty when actuals change, and queues one deduplicated rebuild each', async () => {
      const venueTarget = (
        await t.http.get(`/api/v1/targets?venueId=${venueId}`).set(viewer.auth).expect(200)
      ).body.items[0];
      const otherVenue = await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...cityVisitors, scope: 'venue', venueId: otherVenueId, targetTotal: 1000 })
        .expect(201);
      const ids = [visitorsTarget.id, revenueTarget.id, venueTarget.id, otherVenue.body.id];
      const before = await Promise.all(ids.map((id) => targetRow(t.dataSource, id)));

      // A burst of twenty edits at the venue in 2022.
      for (let i = 0; i < 20; i++) {
        await t.http
          .put('/api/v1/actuals')
          .set(planner.auth)
          .send({ date: '2022-03-01', metric: 'visitors', value: 100 + i, venueId, source: 'burst' })
          .expect(200);
      }
      const after = await Promise.all(ids.map((id) => targetRow(t.dataSource, id)));
      // City targets (any metric) and the venue's own target move; another venue's does not.
      expect(after.map((a, i) => a.inputsVersion - before[i].inputsVersion)).toEqual([20, 20, 20, 0]);
      expect(after.slice(0, 3).every((a) => a.dirtySince !== null)).toBe(true);

      const jobs = await rebuildJobs(t.app, visitorsTarget.id);
      expect(jobs).toHaveLength(1);
      expect(await jobs[0].getState()).toBe('delayed');
      expect(jobs[0].opts.deduplication).toMatchObject({ id: visitorsTarget.id, keepLastIfActive: true });
      expect(await rebuildJobs(t.app, venueTarget.id)).toHaveLength(1);
    });

    it('marks the targets based on a year when that year’s actuals change', async () => {
      const before = await targetRow(t.dataSource, visitorsTarget.id);
      await importActuals(t.app, [{ date: '2021-06-01', metric: 'visitors', value: 1234 }]);
      expect((await targetRow(t.dataSource, visitorsTarget.id)).inputsVersion).toBe(before.inputsVersion + 1);
      // ...and the computed total follows the corrected baseline.
      const res = await t.http.get(`/api/v1/targets/${visitorsTarget.id}`).set(viewer.auth).expect(200);
      expect(res.body.baselineTotal).toBe(baselineVisitors - 1000 + 1234);
    });

    it('clears the dirty mark only for a rebuild that read the latest inputs', async () => {
      const state = t.app.get(ProjectionState);
      const version = (await state.inputsVersion(visitorsTarget.id))!;
      // A change lands while the rebuild computes: it stays dirty.
      await t.app.get(ProjectionInputs).markDirty({ source: 'event', years: [2022] });
      expect(await state.markBuilt(visitorsTarget.id, version)).toBe(false);
      expect(await targetRow(t.dataSource, visitorsTarget.id)).toMatchObject({
        projectedVersion: version,
        dirtySince: expect.anything(),
      });
      // The follow-up rebuild reads the new version and cleans it; an older one cannot go back.
      expect(await state.markBuilt(visitorsTarget.id, version + 1)).toBe(true);
      expect(await state.markBuilt(visitorsTarget.id, version)).toBe(true);
      expect(await targetRow(t.dataSource, visitorsTarget.id)).toMatchObject({
        projectedVersion: version + 1,
        dirtySince: null,
      });
      const view = await t.http.get(`/api/v1/targets/${visitorsTarget.id}`).set(viewer.auth).expect(200);
      expect(view.body.projection).toMatchObject({ dirty: false, projectedVersion: version + 1 });
    });

    it('deletes a target (planners, admins)', async () => {
      const res = await t.http
        .post('/api/v1/targets')
        .set(planner.auth)
        .send({ ...cityVisitors, year: 2025, baselineYear: 2024, targetTotal: 10 })
        .expect(201);
      await t.http.delete(`/api/v1/targets/${res.body.id}`).set(viewer.auth).expect(403);
      await t.http.delete(`/api/v1/targets/${res.body.id}`).set(admin.auth).expect(204);
      await t.http.get(`/api/v1/targets/${res.body.id}`).set(viewer.auth).expect(404);
    });
  });
});

describe('projection inputs while Redis is down', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-targets-redis-'));
  let t: TestApp;
  let planner: TestUser;
  let targetId: string;
  let restarted: NestFastifyApplication | null = null;

  beforeAll(async () => {
    const redis = await startPrivateRedis(dir, { persist: false });
    await redis.stop?.();
    t = await createTestApp({ withWorker: false, env: { REDIS_URL: redis.url } });
    planner = await createUser(t.app, 'planner');
  });
  afterAll(async () => {
    await restarted?.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still accepts changes, marking the targets dirty in the database', async () => {
    const created = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2022,
        metric: 'visitors',
        scope: 'city',
        baselineYear: 2021,
        growthRate: 0.3,
        targetTotal: 1000,
      })
      .expect(201);
    targetId = created.body.id;
    const before = await targetRow(t.dataSource, targetId);
    const started = Date.now();
    await t.http
      .put('/api/v1/actuals')
      .set(planner.auth)
      .send({ date: '2022-03-01', metric: 'visitors', value: 10, source: 'offline' })
      .expect(200);
    expect(Date.now() - started).toBeLessThan(3_500);
    const after = await targetRow(t.dataSource, targetId);
    expect(after.inputsVersion).toBe(before.inputsVersion + 1);
    expect(after.dirtySince).not.toBeNull();
    // Called directly, queueing does not throw either.
    await expect(t.app.get(ProjectionInputs).queue([targetId])).resolves.toBeUndefined();
  });

  it('queues the rebuild when a worker starts with Redis back', async () => {
    restarted = await startAppOn(t.db.url, { withWorker: true });
    let jobs: Job[] = [];
    for (let i = 0; i < 100 && !jobs.length; i++) {
      jobs = await rebuildJobs(restarted, targetId);
      if (!jobs.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(jobs).toHaveLength(1);
    // The worker ran it and stored the projection.
    for (let i = 0; i < 100 && (await jobs[0].getState()) !== 'completed'; i++)
      await new Promise((r) => setTimeout(r, 100));
    const job = await restarted.get(JobProducer).queue('projections').getJob(jobs[0].id!);
    expect(job?.returnvalue).toMatchObject({ targetId, built: true, clean: true });
    // The restarted API serves the same data.
    await request(restarted.getHttpServer()).get(`/api/v1/targets/${targetId}`).set(planner.auth).expect(200);
  });
});

describe('the demo seed of actuals and targets', () => {
  let t: TestApp;
  let viewer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    viewer = await createUser(t.app, 'viewer');
    await t.dataSource.transaction(async (manager) => {
      await seedVenues(manager);
      await seedTargetsAndActuals(manager);
    });
  });
  afterAll(() => t.close());

  const sum = async (year: number, metric: string, scopeKey = 'city') =>
    Number(
      (
        await t.dataSource.query(
          `SELECT SUM("value") AS total FROM "actuals" WHERE "scopeKey" = '${scopeKey}' AND "metric" = '${metric}' AND "date" LIKE '${year}-%'`,
        )
      )[0].total,
    );

  it('grows 2021 over 2020 by the report’s rates, for the city and each venue', async () => {
    expect(await sum(2020, 'visitors')).toBe(CITY_TOTALS_2020.visitors);
    expect((await sum(2021, 'visitors')) / (await sum(2020, 'visitors')) - 1).toBeCloseTo(
      GROWTH_2021.visitors,
      6,
    );
    expect((await sum(2021, 'revenue')) / (await sum(2020, 'revenue')) - 1).toBeCloseTo(
      GROWTH_2021.revenue,
      6,
    );
    const venues = await t.dataSource.query(`SELECT "id", "nameZh", "maxDailyCapacity" FROM "venues"`);
    const wulingyuan = venues.find((v: { nameZh: string }) => v.nameZh === DEMO_VENUES[0].nameZh);
    expect(
      (await sum(2021, 'visitors', wulingyuan.id)) / (await sum(2020, 'visitors', wulingyuan.id)) - 1,
    ).toBeCloseTo(GROWTH_2021.visitors, 5);
    // No venue day over its carrying capacity.
    const over = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM "actuals" a JOIN "venues" v ON v."id" = a."venueId" WHERE a."metric" = 'visitors' AND a."value" > v."maxDailyCapacity"`,
    );
    expect(Number(over[0].n)).toBe(0);
  });

  it('marks every figure illustrative and stops at the demo date', async () => {
    const sources = await t.dataSource.query(`SELECT DISTINCT "source", "note" FROM "actuals"`);
    expect(sources).toEqual([
      { source: 'illustrative-demo-seed', note: expect.stringMatching(/^Illustrative/) },
    ]);
    const last = await t.dataSource.query(`SELECT MAX("date") AS d FROM "actuals"`);
    expect(last[0].d).toBe(DEMO_DATE);
  });

  it('sets the 2022 targets, computed from the 2021 baseline', async () => {
    const res = await t.http.get('/api/v1/targets?year=2022').set(viewer.auth).expect(200);
    expect(res.body.total).toBe(4);
    const city = res.body.items.filter((x: { scope: string }) => x.scope === 'city');
    expect(
      city
        .map((x: { metric: string; growthRate: number; totalSource: string; targetTotal: number }) => [
          x.metric,
          x.growthRate,
          x.totalSource,
          x.targetTotal,
        ])
        .sort(),
    ).toEqual([
      ['revenue', 0.34, 'baseline_actuals', Math.round(yearlyTotals('revenue', null)[2021] * 1.34)],
      ['visitors', 0.3, 'baseline_actuals', Math.round(yearlyTotals('visitors', null)[2021] * 1.3)],
    ]);
    expect(res.body.items.every((x: { projection: { dirty: boolean } }) => x.projection.dirty)).toBe(true);
    const path = await t.http
      .get(`/api/v1/targets/${city[0].id}/path?to=${DEMO_DATE}`)
      .set(viewer.auth)
      .expect(200);
    expect(path.body.shape).toBe('baseline_profile');
    expect(path.body.days.at(-1).date).toBe(DEMO_DATE);
  });
});
