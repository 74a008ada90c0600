import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eachDay } from '../../src/common/time/local-date.js';
import { Event } from '../../src/events/event.entity.js';
import { reachProbability } from '../../src/projections/math/projection-math.js';
import { ScenarioProjection } from '../../src/scenarios/scenario-projection.entity.js';
import { ScenarioProjector } from '../../src/scenarios/scenario-projector.js';
import { solveGap } from '../../src/scenarios/gap-plan.js';
import { importActuals, pinClock } from '../factories/actuals.factory.js';
import { approvedEvent, createCampaign, createVenue } from '../factories/planning.factory.js';
import { waitFor, waitForProjection } from '../factories/projection.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// "Today" is 11 January 2022: ten days counted at 1,560 a day against a path of 1,918 a day.
const NOW = '2022-01-11T04:00:00Z';
const TARGET = 700_000;
const PER_DAY = 1_560;

describe('scenarios and gap plans', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let venueId: string;
  let targetId: string;
  let campaignId: string;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { REBUILD_DELAY_MS: '100' } });
    pinClock(t.app, NOW);
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, admin, { maxDailyCapacity: 100_000 })).id;
    await importActuals(
      t.app,
      eachDay('2022-01-01', '2022-01-10').map((date) => ({ date, metric: 'visitors', value: PER_DAY })),
    );
    const c = await createCampaign(t.http, planner, {
      budgetYuan: 3_000_000,
      expectedIncrementalVisitors: 100_000,
      startDate: '2022-05-01',
      endDate: '2022-05-31',
    });
    campaignId = c.id;
    await t.http.post(`/api/v1/campaigns/${campaignId}/schedule`).set(planner.auth).expect(200);
    eventId = (
      await approvedEvent(t.http, organizer, planner, venueId, {
        startsAt: '2022-08-01T09:00',
        endsAt: '2022-08-01T18:00',
        expectedAttendance: 10_000,
        expectedOutsideCitySharePct: 50,
      })
    ).id;
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

  const readProjection = (scenarioId: string, by = viewer) =>
    t.http.get(`/api/v1/scenarios/${scenarioId}/projection?target=${targetId}`).set(by.auth);
  const freshProjection = (scenarioId: string) =>
    waitFor(`the projection of scenario ${scenarioId}`, async () => {
      const res = await readProjection(scenarioId).expect(200);
      return res.body.stale ? undefined : res.body;
    });
  const newScenario = async (name = 'What if') =>
    (await t.http.post('/api/v1/scenarios').set(planner.auth).send({ name }).expect(201)).body as {
      id: string;
      version: number;
    };
  const addChange = (id: string, body: Record<string, unknown>, by = planner) =>
    t.http.post(`/api/v1/scenarios/${id}/changes`).set(by.auth).send(body);

  it('one more festival moves the probability, and the official plan stays as it was', async () => {
    const scenario = await newScenario('再办一个节会');
    const eventsBefore = await t.dataSource.getRepository(Event).count();
    const official = (await t.http.get(`/api/v1/targets/${targetId}/projection`).set(viewer.auth).expect(200))
      .body;

    const first = await readProjection(scenario.id).expect(200);
    expect(first.body).toMatchObject({ stale: true, withScenario: null, scenarioVersion: 1 });
    const empty = await freshProjection(scenario.id);
    expect(empty.difference).toEqual({ median: 0, probability: 0 });
    expect(empty.official.median).toBe(official.snapshot.projected.median);

    const added = await addChange(scenario.id, {
      action: 'add_event',
      name: '张家界国际乡村音乐周',
      venueId,
      startDate: '2022-10-10',
      endDate: '2022-10-16',
      expectedAttendance: 100_000,
      expectedOutsideCitySharePct: 70,
    }).expect(201);
    expect(added.body.version).toBe(2);
    // The edit re-queued the projection already asked for; the read says stale until it lands.
    const withFestival = await freshProjection(scenario.id);
    expect(withFestival.scenarioVersion).toBe(2);
    expect(withFestival.changes).toEqual([
      expect.objectContaining({
        action: 'add_event',
        name: '张家界国际乡村音乐周',
        remainingDelta: 70_000,
        note: null,
      }),
    ]);
    expect(withFestival.withScenario.median - withFestival.official.median).toBe(70_000);
    expect(withFestival.withScenario.probability).toBeGreaterThan(withFestival.official.probability + 0.01);
    expect(withFestival.difference.probability).toBeCloseTo(
      withFestival.withScenario.probability - withFestival.official.probability,
      10,
    );
    // The scenario's probability is the projection maths' own, on its interval.
    expect(withFestival.withScenario.probability).toBeCloseTo(
      reachProbability(withFestival.withScenario, withFestival.targetTotal),
      2,
    );

    expect(await t.dataSource.getRepository(Event).count()).toBe(eventsBefore);
    const after = (await t.http.get(`/api/v1/targets/${targetId}/projection`).set(viewer.auth).expect(200))
      .body;
    expect(after.snapshot.projected.median).toBe(official.snapshot.projected.median);
    expect(after.inputsVersion).toBe(official.inputsVersion);
  });

  it('cancels, moves and changes official items in the scenario only', async () => {
    const scenario = await newScenario();
    await addChange(scenario.id, { action: 'cancel', eventId }).expect(201);
    // Moved into the days already counted: its whole expectation leaves what is still to come.
    await addChange(scenario.id, {
      action: 'move',
      campaignId,
      startDate: '2022-01-02',
      endDate: '2022-01-09',
    }).expect(201);
    const body = await freshProjection(scenario.id);
    expect(body.changes.map((c: { remainingDelta: number }) => c.remainingDelta)).toEqual([-5_000, -100_000]);
    expect(body.withScenario.median).toBeLessThan(body.official.median);
    const removed = await t.http
      .delete(
        `/api/v1/scenarios/${scenario.id}/changes/${(await t.http.get(`/api/v1/scenarios/${scenario.id}`).set(viewer.auth)).body.changes[1].id}`,
      )
      .set(planner.auth)
      .expect(200);
    expect(removed.body.changes).toHaveLength(1);
    await addChange(scenario.id, {
      action: 'change',
      campaignId,
      expectedIncrementalVisitors: 150_000,
    }).expect(201);
    const changed = await freshProjection(scenario.id);
    expect(changed.changes.map((c: { remainingDelta: number }) => c.remainingDelta)).toEqual([
      -5_000, 50_000,
    ]);
    // The official campaign is untouched.
    const campaign = (await t.http.get(`/api/v1/campaigns/${campaignId}`).set(viewer.auth).expect(200)).body;
    expect(campaign).toMatchObject({ startDate: '2022-05-01', expectedIncrementalVisitors: 100_000 });
  });

  it('stores one projection per version however many reads and runs', async () => {
    const scenario = await newScenario();
    await addChange(scenario.id, { action: 'change', eventId, expectedAttendance: 20_000 }).expect(201);
    await Promise.all(Array.from({ length: 10 }, () => readProjection(scenario.id).expect(200)));
    await freshProjection(scenario.id);
    const projector = t.app.get(ScenarioProjector);
    const again = await projector.run(scenario.id, targetId);
    expect(again.built).toBe(false);
    expect(
      await t.dataSource
        .getRepository(ScenarioProjection)
        .countBy({ scenarioId: scenario.id, scenarioVersion: 2 }),
    ).toBe(1);
  });

  it('refuses bad changes with 400/404/422 and changes nothing', async () => {
    const scenario = await newScenario();
    const missing = await addChange(scenario.id, {
      action: 'add_event',
      name: 'x',
      startDate: '2022-10-01',
      endDate: '2022-10-01',
      expectedAttendance: 1,
    }).expect(400);
    expect(JSON.stringify(missing.body)).toContain('venueId');
    const wrongField = await addChange(scenario.id, {
      action: 'change',
      campaignId,
      expectedAttendance: 5,
    }).expect(400);
    expect(JSON.stringify(wrongField.body.details)).toContain('expectedAttendance');
    await addChange(scenario.id, { action: 'cancel', campaignId, eventId }).expect(400);
    await addChange(scenario.id, {
      action: 'move',
      campaignId,
      startDate: '2022-06-01',
      endDate: '2022-05-01',
    }).expect(400);
    await addChange(scenario.id, { action: 'teleport' }).expect(400);
    await addChange(scenario.id, {
      action: 'cancel',
      campaignId: '00000000-0000-4000-8000-000000000000',
    }).expect(404);
    const done = await createCampaign(t.http, planner, { startDate: '2022-01-01', endDate: '2022-01-05' });
    await t.http.post(`/api/v1/campaigns/${done.id}/cancel`).set(planner.auth).send({}).expect(200);
    expect(
      (
        await addChange(scenario.id, { action: 'move', campaignId: done.id, startDate: '2022-03-01' }).expect(
          422,
        )
      ).body.code,
    ).toBe('scenario_change_invalid');
    const view = (await t.http.get(`/api/v1/scenarios/${scenario.id}`).set(viewer.auth).expect(200)).body;
    expect(view).toMatchObject({ version: 1, changes: [] });
    await t.http.get(`/api/v1/scenarios/${scenario.id}/projection?target=nope`).set(viewer.auth).expect(400);
    await t.http
      .get(`/api/v1/scenarios/${scenario.id}/projection?target=00000000-0000-4000-8000-000000000000`)
      .set(viewer.auth)
      .expect(404);
  });

  it('lets planners and admins write, viewers read, and keeps organizers out', async () => {
    const scenario = await newScenario();
    await t.http.post('/api/v1/scenarios').set(viewer.auth).send({ name: 'x' }).expect(403);
    await t.http.post('/api/v1/scenarios').set(organizer.auth).send({ name: 'x' }).expect(403);
    await t.http.post('/api/v1/scenarios').set(admin.auth).send({ name: 'x' }).expect(201);
    await addChange(scenario.id, { action: 'cancel', eventId }, viewer).expect(403);
    await t.http.get(`/api/v1/scenarios/${scenario.id}`).set(organizer.auth).expect(403);
    await readProjection(scenario.id, organizer).expect(403);
    const list = await t.http.get('/api/v1/scenarios?limit=2').set(viewer.auth).expect(200);
    expect(list.body).toMatchObject({ limit: 2, offset: 0 });
    expect(list.body.items).toHaveLength(2);
    await t.http.delete(`/api/v1/scenarios/${scenario.id}`).set(viewer.auth).expect(403);
    await t.http.delete(`/api/v1/scenarios/${scenario.id}`).set(planner.auth).expect(204);
    await t.http.get(`/api/v1/scenarios/${scenario.id}`).set(viewer.auth).expect(404);
  });

  it('gap plan: the extra visitors per remaining week for 50 % and 80 %, priced by channel', async () => {
    await waitForProjection(t.dataSource, targetId);
    const res = await t.http.get(`/api/v1/targets/${targetId}/gap-plan`).set(organizer.auth).expect(200);
    const plan = res.body;
    const snapshot = (await t.http.get(`/api/v1/targets/${targetId}/projection`).set(viewer.auth).expect(200))
      .body.snapshot;
    expect(plan).toMatchObject({
      targetId,
      metric: 'visitors',
      unit: 'visitors',
      stale: false,
      targetTotal: TARGET,
    });
    expect(plan.probability).toBeLessThan(0.5);
    expect(plan.levels.map((l: { probability: number }) => l.probability)).toEqual([0.5, 0.8]);
    const [half, eighty] = plan.levels;
    const interval = {
      median: snapshot.projected.median,
      lo80: snapshot.projected.lo80,
      hi80: snapshot.projected.hi80,
      lo95: snapshot.projected.lo95,
      hi95: snapshot.projected.hi95,
    };
    expect(half.extraTotal).toBe(solveGap(interval, TARGET, snapshot.daysRemaining, 0.5).extraTotal);
    expect(half.extraTotal).toBeGreaterThan(0);
    expect(eighty.extraTotal).toBeGreaterThan(half.extraTotal);
    expect(eighty.reached).toBeGreaterThanOrEqual(0.8);
    expect(half.extraPerWeek).toBe(Math.ceil(half.extraTotal / (snapshot.daysRemaining / 7)));
    // The only channel with a plan: 3,000,000 yuan for 100,000 expected visitors.
    expect(plan.channelCosts[0]).toMatchObject({
      channel: 'high_speed_rail',
      basis: 'expected',
      costPerUnit: 30,
    });
    expect(half.channels[0]).toMatchObject({
      channel: 'high_speed_rail',
      basis: 'expected',
      costYuan: half.extraTotal * 30,
    });
    expect(plan.notes.join(' ')).toContain('expected');
    await t.http.get(`/api/v1/targets/${targetId}/gap-plan`).expect(401);
    await t.http
      .get('/api/v1/targets/00000000-0000-4000-8000-000000000000/gap-plan')
      .set(viewer.auth)
      .expect(404);
  });
});
