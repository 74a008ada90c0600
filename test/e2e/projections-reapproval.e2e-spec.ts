import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eachDay } from '../../src/common/time/local-date.js';
import { importActuals, pinClock } from '../factories/actuals.factory.js';
import { approvedEvent, createVenue } from '../factories/planning.factory.js';
import { waitForProjection } from '../factories/projection.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 10, item 14: an approved event whose dates, venue or attendance change goes back to
 * `submitted`; until the decision the projection keeps counting its last approved figures, and
 * its notes say so. Approval counts the new figures, rejection nothing.
 */
describe('projections: an approved event waiting for re-approval', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let targetId: string;
  let venueId: string;
  let otherVenueId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { REBUILD_DELAY_MS: '50' } });
    pinClock(t.app, '2022-01-11T04:00:00Z');
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, admin)).id;
    otherVenueId = (await createVenue(t.http, admin)).id;
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
  });
  afterAll(() => t.close());

  const contribution = async (eventId: string) => {
    const snapshot = await waitForProjection(t.dataSource, targetId);
    return { snapshot, c: snapshot.contributions.find((c) => c.id === eventId) };
  };

  it('edit -> still counted with the approved figures (and said so) -> approve -> the new figures', async () => {
    const event = await approvedEvent(t.http, organizer, planner, venueId, {
      startsAt: '2022-03-01T09:00',
      endsAt: '2022-03-01T18:00',
      expectedAttendance: 10_000,
      expectedOutsideCitySharePct: 50,
    });
    const approved = await contribution(event.id);
    expect(approved.c).toMatchObject({ expected: 5_000, from: '2022-03-01', to: '2022-03-01' });

    const edited = await t.http
      .patch(`/api/v1/events/${event.id}`)
      .set(organizer.auth)
      .send({ expectedAttendance: 20_000, startsAt: '2022-05-02T09:00', endsAt: '2022-05-02T18:00' })
      .expect(200);
    expect(edited.body.event.status).toBe('submitted');
    const waiting = await contribution(event.id);
    expect(waiting.snapshot.inputsVersion).toBeGreaterThan(approved.snapshot.inputsVersion);
    expect(waiting.c).toMatchObject({ expected: 5_000, from: '2022-03-01', to: '2022-03-01' });
    expect(waiting.c!.basis).toMatch(/awaiting re-approval/);
    expect(waiting.snapshot.notes.join(' ')).toMatch(/awaits re-approval after a change.*until the decision/);

    await t.http
      .post(`/api/v1/events/${event.id}/approve`)
      .set(planner.auth)
      .send({ override: { reason: 'test' } })
      .expect(200);
    const moved = await contribution(event.id);
    expect(moved.c).toMatchObject({ expected: 10_000, from: '2022-05-02', to: '2022-05-02' });
    expect(moved.snapshot.notes.join(' ')).not.toMatch(/awaits re-approval/);
  });

  it('counts nothing once a re-submission is rejected, and keeps the old venue until then', async () => {
    const event = await approvedEvent(t.http, organizer, planner, venueId, {
      startsAt: '2022-06-01T09:00',
      endsAt: '2022-06-01T18:00',
      expectedAttendance: 4_000,
      expectedOutsideCitySharePct: 50,
    });
    expect((await contribution(event.id)).c).toMatchObject({ expected: 2_000 });
    await t.http
      .patch(`/api/v1/events/${event.id}`)
      .set(organizer.auth)
      .send({ venueId: otherVenueId })
      .expect(200);
    expect((await contribution(event.id)).c).toMatchObject({ expected: 2_000, from: '2022-06-01' });
    await t.http
      .post(`/api/v1/events/${event.id}/reject`)
      .set(planner.auth)
      .send({ reason: 'venue not available' })
      .expect(200);
    expect((await contribution(event.id)).c).toBeUndefined();
  });
});
