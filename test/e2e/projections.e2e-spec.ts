import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnrecoverableError, type Job } from 'bullmq';
import { eachDay } from '../../src/common/time/local-date.js';
import { normalCdf, zForLevel } from '../../src/forecasting/normal.js';
import { JobProducer } from '../../src/infra/queue/job-producer.js';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import { ProjectionRebuild } from '../../src/projections/rebuild/projection-rebuild.service.js';
import { ProjectionSnapshot } from '../../src/projections/rebuild/projection-snapshot.entity.js';
import { ProjectionSnapshotStore } from '../../src/projections/rebuild/projection-snapshot.store.js';
import { ProjectionProcessor } from '../../src/projections/rebuild/projection.processor.js';
import { importActuals, pinClock, targetRow } from '../factories/actuals.factory.js';
import { approvedEvent, createVenue } from '../factories/planning.factory.js';
import {
  latestSnapshot,
  rebuildJobs,
  snapshotCount,
  waitFor,
  waitForProjection,
} from '../factories/projection.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// "Today" is 11 January 2022 in Shanghai: the first ten days of the year are counted.
const NOW = '2022-01-11T04:00:00Z';
const TARGET = 474_500; // entered: 1,300 a day over 365 days (uniform path, no 2021 figures)
const PER_DAY = 1_560; // 1.2 × the path

describe('projections', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let venueId: string;
  let targetId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { REBUILD_DELAY_MS: '200' } });
    pinClock(t.app, NOW);
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, admin)).id;
    await importActuals(
      t.app,
      eachDay('2022-01-01', '2022-01-10').map((date) => ({ date, metric: 'visitors', value: PER_DAY })),
    );
    const res = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2022,
        metric: 'visitors',
        scope: 'city',
        baselineYear: 2021,
        growthRate: 0.3,
        targetTotal: TARGET,
      })
      .expect(201);
    targetId = res.body.id;
    await waitForProjection(t.dataSource, targetId);
  });
  afterAll(() => t.close());

  const projection = async (id = targetId, by = viewer) =>
    (await t.http.get(`/api/v1/targets/${id}/projection`).set(by.auth).expect(200)).body;

  it('builds a snapshot whose figures equal the hand-checked ones', async () => {
    const body = await projection();
    expect(body).toMatchObject({ targetId, stale: false, dirtySince: null, asOf: '2022-01-10' });
    const s = body.snapshot;
    // 10 days at 1,560 against a path of 1,300 a day: pace 1.2, so the remaining 355 days
    // continue at 1,560 (no history: method "pace").
    expect(s).toMatchObject({
      method: 'pace',
      asOf: '2022-01-10',
      computedAt: new Date(NOW).toISOString(),
      targetTotal: TARGET,
      actualToDate: 15_600,
      estimatedToDate: 15_600,
      pathToDate: 13_000,
      gap: 2_600,
      daysCounted: 10,
      daysRemaining: 355,
      missingDates: [],
      contributionsTotal: 0,
      contributions: [],
      revenuePerVisitor: null,
      runRate: { neededDaily: 1_293, neededWeekly: 9_049, expectedDaily: 1_560, expectedWeekly: 10_920 },
    });
    expect(s.projected.median).toBe(15_600 + 355 * 1_560); // 569,400
    // Interval: relative spread max(5 %, |1.2 × 1.3 − 1| / 4 = 14 %) of the rest of the year.
    const rest = 355 * 1_560;
    expect(s.projected.lo80).toBeCloseTo(15_600 + rest * (1 - zForLevel(80) * 0.14), -1);
    expect(s.projected.hi95).toBeCloseTo(15_600 + rest * (1 + zForLevel(95) * 0.14), -1);
    // P(total ≥ 474,500) with sd = 77,532: Φ(94,900 / 77,532) = 0.8895.
    expect(s.probability).toBeCloseTo(normalCdf(94_900 / (rest * 0.14)), 4);
    expect(s.probability).toBeCloseTo(0.8895, 3);
    expect(s.status).toBe('on_track');
    expect(s.daily).toHaveLength(365);
    expect(s.daily[9]).toEqual({
      date: '2022-01-10',
      target: 13_000,
      actual: 15_600,
      projected: 15_600,
      lo80: 15_600,
      hi80: 15_600,
      lo95: 15_600,
      hi95: 15_600,
    });
    expect(s.daily[10]).toMatchObject({ target: 14_300, actual: null, projected: 17_160 });
    expect(s.daily[364].projected).toBe(s.projected.median);
    expect(s.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.durationMs).toBeGreaterThanOrEqual(0);
    expect(s.notes.join(' ')).toMatch(/No complete year/);
  });

  it('moves by exactly an approved event’s incremental visitors and revenue', async () => {
    const revenue = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2022,
        metric: 'revenue',
        scope: 'city',
        baselineYear: 2021,
        growthRate: 0.34,
        targetTotal: 1e9,
      })
      .expect(201);
    await importActuals(
      t.app,
      eachDay('2022-01-01', '2022-01-10').map((date) => ({ date, metric: 'revenue', value: 2_000_000 })),
    );
    const before = await waitForProjection(t.dataSource, targetId);
    const revenueBefore = await waitForProjection(t.dataSource, revenue.body.id);

    // 1,000 attendees, 60 % from outside the city, 800 yuan each: +600 visitors, +480,000 yuan.
    const event = await approvedEvent(t.http, organizer, planner, venueId, {
      startsAt: '2022-07-01T09:00',
      endsAt: '2022-07-02T18:00',
      expectedAttendance: 1_000,
      expectedOutsideCitySharePct: 60,
      expectedSpendPerAttendeeYuan: 800,
    });
    const after = await waitForProjection(t.dataSource, targetId);
    expect(after.inputsVersion).toBeGreaterThan(before.inputsVersion);
    expect(after.median - before.median).toBe(600);
    expect(after.lo95 - before.lo95).toBe(600);
    expect(after.contributionsTotal).toBe(600);
    expect(after.contributions).toEqual([
      expect.objectContaining({
        id: event.id,
        kind: 'event',
        from: '2022-07-01',
        to: '2022-07-02',
        expected: 600,
        realised: 0,
        remaining: 600,
        actual: null,
      }),
    ]);
    // Spread evenly over its two days.
    const day = (s: ProjectionSnapshot, date: string) => s.daily.find((d) => d.date === date)!.projected;
    expect(day(after, '2022-07-01') - day(before, '2022-07-01')).toBe(300);
    expect(day(after, '2022-07-02') - day(before, '2022-07-02')).toBe(600);

    const revenueAfter = await waitForProjection(t.dataSource, revenue.body.id);
    expect(revenueAfter.median - revenueBefore.median).toBe(480_000);
    // Revenue per visitor: the revenue projection over the visitors projection.
    expect(revenueAfter.revenuePerVisitor).toMatchObject({
      visitorsTargetId: targetId,
      projected: { revenue: revenueAfter.median, visitors: after.median },
      toDate: { revenue: 20_000_000, visitors: 15_600, perVisitor: 1282.05 },
      baseline: null,
      targets: { revenue: 1e9, visitors: TARGET },
    });
    expect(revenueAfter.revenuePerVisitor!.projected!.perVisitor).toBeCloseTo(
      revenueAfter.median / after.median,
      2,
    );
  });

  it('rebuilds idempotently: the same version twice gives the same snapshot and one row', async () => {
    const rebuild = t.app.get(ProjectionRebuild);
    const current = await waitForProjection(t.dataSource, targetId);
    const rows = await snapshotCount(t.dataSource, targetId);
    const first = await rebuild.run(targetId);
    const second = await rebuild.run(targetId);
    expect(first).toMatchObject({
      built: false,
      snapshotId: current.id,
      inputsVersion: current.inputsVersion,
    });
    expect(second).toEqual(first);
    expect(await snapshotCount(t.dataSource, targetId)).toBe(rows);
    // Computed again from the same data, it is the same snapshot (same hash, same figures).
    await t.dataSource.getRepository(ProjectionSnapshot).delete({ id: current.id });
    const again = await rebuild.run(targetId);
    expect(again).toMatchObject({ built: true, inputsVersion: current.inputsVersion, clean: true });
    const rebuilt = (await latestSnapshot(t.dataSource, targetId))!;
    const figures = ({ id: _id, durationMs: _d, ...rest }: ProjectionSnapshot) => rest;
    expect(figures(rebuilt)).toEqual(figures(current));
    expect((await rebuild.run(targetId)).snapshotId).toBe(rebuilt.id);
    expect(await snapshotCount(t.dataSource, targetId)).toBe(rows);
  });

  /**
   * Runs `fn` with the projections worker paused (after its active job, if any): a target marked
   * dirty stays dirty, whatever sweep comes meanwhile (CI saw the start-up sweep, late on a loaded
   * machine, rebuild one before the read).
   */
  const withoutRebuilds = async (fn: () => Promise<void>) => {
    const { worker } = t.app.get(ProjectionProcessor);
    await worker.pause();
    try {
      await fn();
    } finally {
      await worker.resume();
    }
  };

  it('answers at once with stale: true and the last asOf while the target is dirty', () =>
    withoutRebuilds(async () => {
      const last = await waitForProjection(t.dataSource, targetId);
      // Marked dirty without queueing a job (as when Redis is down).
      await t.app.get(ProjectionInputs).markDirty({ source: 'actual', years: [2022] });
      const body = await projection();
      expect(body).toMatchObject({
        stale: true,
        asOf: '2022-01-10',
        computedAt: last.computedAt.toISOString(),
        inputsVersion: last.inputsVersion + 1,
        snapshot: { id: last.id, inputsVersion: last.inputsVersion },
      });
      expect(body.dirtySince).not.toBeNull();
      const progress = await t.http.get(`/api/v1/targets/${targetId}/progress`).set(viewer.auth).expect(200);
      expect(progress.body).toMatchObject({
        targetId,
        stale: true,
        asOf: '2022-01-10',
        year: 2022,
        metric: 'visitors',
        scope: 'city',
        targetTotal: TARGET,
        actualToDate: 15_600,
        gap: 2_600,
        gapShare: 0.2,
        projected: { median: last.median },
        status: 'on_track',
        runRate: { neededDaily: 1_293 },
      });
      expect(progress.body).not.toHaveProperty('daily');
    }));

  it.each(['projection', 'progress'])(
    'revalidates the %s with ETag: 304 while unchanged, a new ETag once it changes',
    (read) =>
      withoutRebuilds(async () => {
        const url = `/api/v1/targets/${targetId}/${read}`;
        const first = await t.http.get(url).set(viewer.auth).expect(200);
        expect(first.headers['content-type']).toMatch(/^application\/json/);
        const etag = first.headers.etag;
        expect(etag).toMatch(/^".+"$/);
        const notModified = await t.http.get(url).set(viewer.auth).set('If-None-Match', etag).expect(304);
        expect(notModified.text ?? '').toBe('');
        expect(notModified.headers.etag).toBe(etag);
        await t.http.get(url).set(viewer.auth).set('If-None-Match', `"other", W/${etag}`).expect(304);
        await t.http.get(url).set(viewer.auth).set('If-None-Match', '"other"').expect(200);
        await t.http.get(url).set('If-None-Match', etag).expect(401);
        await t.app.get(ProjectionInputs).markDirty({ source: 'actual', years: [2022] });
        const changed = await t.http.get(url).set(viewer.auth).set('If-None-Match', etag).expect(200);
        expect(changed.headers.etag).not.toBe(etag);
        expect(changed.body).toMatchObject({ stale: true, inputsVersion: first.body.inputsVersion + 1 });
        // The same snapshot behind it: only the freshness changed.
        if (read === 'projection') expect(changed.body.snapshot).toEqual(first.body.snapshot);
        else expect(changed.body.projected).toEqual(first.body.projected);
      }),
  );

  it('forces a rebuild for planners and admins (202 with the job to follow)', async () => {
    await t.http.post(`/api/v1/targets/${targetId}/rebuild`).set(viewer.auth).expect(403);
    await t.http.post(`/api/v1/targets/${targetId}/rebuild`).set(organizer.auth).expect(403);
    await t.http.post(`/api/v1/targets/${targetId}/rebuild`).expect(401);
    const before = await targetRow(t.dataSource, targetId);
    const res = await t.http.post(`/api/v1/targets/${targetId}/rebuild`).set(planner.auth).expect(202);
    expect(res.body).toEqual({
      jobId: expect.any(String),
      queue: 'projections',
      statusUrl: `/api/v1/jobs/projections/${res.body.jobId}`,
    });
    const snapshot = await waitForProjection(t.dataSource, targetId);
    expect(snapshot.inputsVersion).toBeGreaterThan(before.inputsVersion);
    const job = await waitFor('the job to complete', async () => {
      const status = await t.http.get(res.body.statusUrl).set(planner.auth).expect(200);
      return status.body.state === 'completed' ? status.body : undefined;
    });
    expect(job).toMatchObject({ name: 'projections.rebuild', progress: 100, result: { targetId } });
    expect((await projection()).stale).toBe(false);
    await t.http.post(`/api/v1/targets/${targetId}/rebuild`).set(admin.auth).expect(202);
    await waitForProjection(t.dataSource, targetId);
  });

  it('lists earlier snapshots, newest first, headline figures only', async () => {
    const total = await snapshotCount(t.dataSource, targetId);
    const res = await t.http
      .get(`/api/v1/targets/${targetId}/projections?limit=2`)
      .set(organizer.auth)
      .expect(200);
    expect(res.body).toMatchObject({ total, limit: 2, offset: 0 });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0].inputsVersion).toBeGreaterThan(res.body.items[1].inputsVersion);
    expect(res.body.items[0]).toMatchObject({ targetId, projected: { median: expect.any(Number) } });
    expect(res.body.items[0]).not.toHaveProperty('daily');
    await t.http.get(`/api/v1/targets/${targetId}/projections?limit=500`).set(viewer.auth).expect(400);
  });

  it('keeps a bounded history per target', async () => {
    const latest = (await latestSnapshot(t.dataSource, targetId))!;
    await t.app.get(ProjectionSnapshotStore).prune(targetId, 2);
    expect(await snapshotCount(t.dataSource, targetId)).toBe(2);
    expect((await latestSnapshot(t.dataSource, targetId))!.id).toBe(latest.id);
  });

  it('answers snapshot: null and stale: true before the first rebuild', async () => {
    const id = 'b6a1e0c2-0000-4000-8000-000000000001';
    await t.dataSource.query(
      `INSERT INTO "targets" ("id", "year", "metric", "scope", "venueId", "scopeKey", "baselineYear", "growthRate", "enteredTotal", "inputsVersion", "projectedVersion", "dirtySince") VALUES ('${id}', 2030, 'visitors', 'city', NULL, 'city', 2029, 0.1, 1000, 1, 0, '2022-01-11 00:00:00')`,
    );
    const body = await projection(id);
    expect(body).toMatchObject({ targetId: id, stale: true, asOf: null, computedAt: null, snapshot: null });
    const progress = await t.http.get(`/api/v1/targets/${id}/progress`).set(viewer.auth).expect(200);
    expect(progress.body).toMatchObject({ stale: true, status: null, projected: null, targetTotal: 1000 });
  });

  it('answers 404 for unknown targets and 401 without a token', async () => {
    for (const path of ['projection', 'progress', 'projections'])
      await t.http.get(`/api/v1/targets/nope/${path}`).set(viewer.auth).expect(404);
    await t.http.post('/api/v1/targets/nope/rebuild').set(planner.auth).expect(404);
    await t.http.get(`/api/v1/targets/${targetId}/projection`).expect(401);
  });

  it('gives up at once (UnrecoverableError) on a target that no longer exists', async () => {
    const processor = t.app.get(ProjectionProcessor, { strict: false });
    const job = { name: 'projections.rebuild', data: { targetId: 'gone' }, updateProgress: async () => {} };
    await expect(processor.process(job as unknown as Job)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('collapses a burst of 100 edits: never more than one rebuild waiting per target, the last edit winning', async () => {
    await waitForProjection(t.dataSource, targetId);
    const started = Date.now();
    const snapshotsBefore = (
      await t.dataSource.getRepository(ProjectionSnapshot).find({ where: { targetId } })
    ).map((s) => s.id);
    const queue = t.app.get(JobProducer).queue('projections');
    const pending = async () => {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active']);
      const mine = jobs.filter((j) => j.name === 'projections.rebuild' && j.data.targetId === targetId);
      const active = await Promise.all(mine.map(async (j) => (await j.getState()) === 'active'));
      return { waiting: active.filter((a) => !a).length, active: active.filter((a) => a).length };
    };
    let most = { waiting: 0, active: 0 };
    for (let i = 0; i < 100; i++) {
      await t.http
        .put('/api/v1/actuals')
        .set(planner.auth)
        .send({ date: '2022-01-05', metric: 'visitors', value: 1_000 + i, source: 'burst' })
        .expect(200);
      const now = await pending();
      most = { waiting: Math.max(most.waiting, now.waiting), active: Math.max(most.active, now.active) };
    }
    const final = await waitForProjection(t.dataSource, targetId);
    expect(final.actualToDate).toBe(15_600 - PER_DAY + 1_099);
    // Deduplication per target: at any time at most one rebuild waits and one runs (how many run
    // in all depends on the machine's speed: that figure belongs to bench:rebuild).
    expect(most.waiting).toBeLessThanOrEqual(1);
    expect(most.active).toBeLessThanOrEqual(1);
    // Every snapshot stored meanwhile is the one a rebuild job says it built (a rebuild already
    // under way when the burst began counts too), and the burst stored at least one. A job records
    // what it built once its processor has returned, just after the snapshot's commit: wait for it.
    await waitFor(
      'the last rebuild to be recorded',
      async () => {
        const now = await pending();
        return now.active + now.waiting === 0 ? true : undefined;
      },
      10_000,
    );
    const builtBy = new Set(
      (await rebuildJobs(t.app, targetId))
        .filter((j) => (j.finishedOn ?? 0) >= started && j.returnvalue?.built)
        .map((j) => (j.returnvalue as { snapshotId: string }).snapshotId),
    );
    const created = (
      await t.dataSource.getRepository(ProjectionSnapshot).find({ where: { targetId } })
    ).filter((s) => !snapshotsBefore.includes(s.id));
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((s) => !builtBy.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});
