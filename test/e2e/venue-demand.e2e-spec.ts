import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VenueDemandService } from '../../src/events/venue-demand.service.js';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import { TargetPathService } from '../../src/targets/target-path.service.js';
import { TargetsService } from '../../src/targets/targets.service.js';
import { importActuals, pinClock } from '../factories/actuals.factory.js';
import { createEvent, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The capacity check counts a venue's ordinary visitors: its target path, or last year's figures. */
describe('venue demand in the capacity check', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    pinClock(t.app, '2022-03-01T04:00:00Z');
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
  });
  afterAll(() => t.close());

  const submit = async (venueId: string, expectedAttendance: number) => {
    const event = await createEvent(t.http, organizer, venueId, {
      startsAt: '2022-07-01T09:00',
      endsAt: '2022-07-01T18:00',
      expectedAttendance,
    });
    const res = await t.http.post(`/api/v1/events/${event.id}/submit`).set(organizer.auth).expect(200);
    return res.body.warnings as { code: string; days?: { otherVisitors: number; loadPct: number }[] }[];
  };

  it('adds what the venue’s visitors target path expects that day', async () => {
    const venue = await createVenue(t.http, admin, { maxDailyCapacity: 10_000 });
    // 8,000 a day, spread evenly (no 2021 figures for the venue).
    await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2022,
        metric: 'visitors',
        scope: 'venue',
        venueId: venue.id,
        baselineYear: 2021,
        growthRate: 0.3,
        targetTotal: 365 * 8_000,
      })
      .expect(201);
    expect(await submit(venue.id, 1_500)).toEqual([
      expect.objectContaining({
        code: 'capacity_near_limit',
        days: [expect.objectContaining({ otherVisitors: 8_000, loadPct: 95 })],
      }),
    ]);
    expect((await submit(venue.id, 2_500)).map((w) => w.code)).toContain('capacity_exceeded');
  });

  it('falls back on the venue’s figure of the same date a year earlier', async () => {
    const venue = await createVenue(t.http, admin, { maxDailyCapacity: 10_000 });
    await importActuals(t.app, [{ date: '2021-07-01', metric: 'visitors', value: 9_000, venueId: venue.id }]);
    const warnings = await submit(venue.id, 2_000);
    expect(warnings.find((w) => w.code === 'capacity_exceeded')?.days).toEqual([
      expect.objectContaining({ otherVisitors: 9_000, loadPct: 110 }),
    ]);
  });

  it('adds nothing for a venue with neither', async () => {
    const venue = await createVenue(t.http, admin, { maxDailyCapacity: 10_000 });
    expect(await submit(venue.id, 1_000)).toEqual([]);
  });

  it('computes a target path once per distinct inputs, whatever bumps the target’s version', async () => {
    const venue = await createVenue(t.http, admin, { maxDailyCapacity: 10_000 });
    const target = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2022,
        metric: 'visitors',
        scope: 'venue',
        venueId: venue.id,
        baselineYear: 2021,
        growthRate: 0.3,
        targetTotal: 365 * 8_000,
      })
      .expect(201);
    const demand = t.app.get(VenueDemandService);
    // The path's days as computed: the same array while the memo answers.
    const days = async () =>
      (await t.app.get(TargetPathService).path(await t.app.get(TargetsService).get(target.body.id))).days;
    const day = '2022-07-01';
    expect((await demand.baselineVisitors(venue.id, [day])).get(day)).toBe(8_000);
    const first = await days();
    expect(await days()).toBe(first);
    // An event edit bumps the target's inputs version but leaves the path's inputs alone.
    await t.app.get(ProjectionInputs).markDirty({ source: 'event', years: [2022], venueIds: [venue.id] });
    expect(await days()).toBe(first);
    // A change of the target's total makes a new path...
    await t.http
      .patch(`/api/v1/targets/${target.body.id}`)
      .set(planner.auth)
      .send({ targetTotal: 365 * 6_000 })
      .expect(200);
    expect((await demand.baselineVisitors(venue.id, [day])).get(day)).toBe(6_000);
    const second = await days();
    expect(second).not.toBe(first);
    // ...and so does a change of the baseline year's actuals (a full 2021 now shapes the path).
    await importActuals(
      t.app,
      Array.from({ length: 365 }, (_, i) => ({
        date: new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10),
        metric: 'visitors' as const,
        value: i === 181 ? 20_000 : 1_000,
        venueId: venue.id,
      })),
    );
    expect((await demand.baselineVisitors(venue.id, [day])).get(day)).not.toBe(6_000);
    expect(await days()).not.toBe(second);
  });
});
