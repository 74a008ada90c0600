import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { eachDay } from '../../src/common/time/local-date.js';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import { RebuildSweep } from '../../src/projections/rebuild/rebuild-sweep.js';
import { importActuals, pinClock, targetRow } from '../factories/actuals.factory.js';
import { approvedEvent, createVenue } from '../factories/planning.factory.js';
import { rebuildJobs, waitForProjection } from '../factories/projection.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 10, item 9: a process that dies right after the data's commit, before it could queue
 * the rebuild, must not leave a changed target that no sweep finds. The change is recorded in
 * the data's own transaction (inputs version bumped, `dirtySince` set); here nothing at all runs
 * after the commit (the post-commit step is replaced by a no-op), and the next sweep rebuilds.
 */
describe('projections: a crash between the commit and the enqueue', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let targetId: string;
  let venueId: string;

  beforeAll(async () => {
    // No periodic sweep during the test: the test runs the sweep itself.
    t = await createTestApp({ env: { REBUILD_SWEEP_SECONDS: '3600', REBUILD_DELAY_MS: '50' } });
    pinClock(t.app, '2022-01-11T04:00:00Z');
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, admin)).id;
    await importActuals(
      t.app,
      eachDay('2022-01-01', '2022-01-10').map((date) => ({ date, metric: 'visitors', value: 1_000 })),
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
        targetTotal: 500_000,
      })
      .expect(201);
    targetId = res.body.id;
    await waitForProjection(t.dataSource, targetId);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  /** "Kills" the process after each commit: whatever ProjectionInputs would do after it never runs. */
  function dieAfterCommit() {
    return jest.spyOn(t.app.get(ProjectionInputs), 'queue').mockResolvedValue(undefined);
  }

  it('still rebuilds a changed actual on the next sweep', async () => {
    const before = await targetRow(t.dataSource, targetId);
    const jobsBefore = (await rebuildJobs(t.app, targetId)).length;
    const died = dieAfterCommit();
    try {
      await t.http
        .put('/api/v1/actuals')
        .set(planner.auth)
        .send({ date: '2022-01-10', metric: 'visitors', value: 4_000, source: 'crash-test' })
        .expect(200);
    } finally {
      died.mockRestore();
    }
    const dirty = await targetRow(t.dataSource, targetId);
    expect(dirty.inputsVersion).toBe(before.inputsVersion + 1);
    expect(dirty.dirtySince).not.toBeNull();
    expect((await rebuildJobs(t.app, targetId)).length).toBe(jobsBefore); // nothing was queued

    expect(await t.app.get(RebuildSweep).dirtyTargetIds()).toContain(targetId);
    expect((await t.app.get(RebuildSweep).sweep()).queued).toBeGreaterThanOrEqual(1);
    const snapshot = await waitForProjection(t.dataSource, targetId);
    expect(snapshot.inputsVersion).toBe(dirty.inputsVersion);
    expect(snapshot.actualToDate).toBe(13_000);
  });

  it('still rebuilds after an event approval (and other event, campaign and holiday writes) on the next sweep', async () => {
    const before = await targetRow(t.dataSource, targetId);
    const died = dieAfterCommit();
    let writes = 0;
    try {
      await approvedEvent(t.http, organizer, planner, venueId, {
        startsAt: '2022-03-01T09:00',
        endsAt: '2022-03-01T18:00',
        expectedAttendance: 5_000,
      });
      writes += 3; // create, submit, approve
      await t.http
        .post('/api/v1/campaigns')
        .set(planner.auth)
        .send({
          name: 'Crash test campaign',
          channel: 'online',
          budgetYuan: 100_000,
          startDate: '2022-04-01',
          endDate: '2022-04-30',
          responsibleUnit: 'Bureau',
          expectedIncrementalVisitors: 1_000,
        })
        .expect(201);
      writes += 1;
      await t.http
        .post('/api/v1/holidays')
        .set(admin.auth)
        .send({ date: '2022-05-20', kind: 'holiday', holiday: 'other' })
        .expect(201);
      writes += 1;
    } finally {
      died.mockRestore();
    }
    const dirty = await targetRow(t.dataSource, targetId);
    expect(dirty.inputsVersion).toBe(before.inputsVersion + writes);
    expect(dirty.dirtySince).not.toBeNull();
    await t.app.get(RebuildSweep).sweep();
    const snapshot = await waitForProjection(t.dataSource, targetId);
    expect(snapshot.inputsVersion).toBe(dirty.inputsVersion);
  });
});
