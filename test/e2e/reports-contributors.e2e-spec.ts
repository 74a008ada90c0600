import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { approvedEvent, createCampaign, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Contributor {
  kind: string;
  id: string;
  visitors: number | null;
  revenue: number | null;
}

/**
 * The weekly report's "what contributed most" ranks by incremental (outside-city) visitors, as
 * the projection counts them, and lists an event inside its campaign once, in the campaign.
 */
describe('weekly report: top contributors', () => {
  let t: TestApp;
  let viewer: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    const admin = await createUser(t.app, 'admin');
    const planner = await createUser(t.app, 'planner');
    const organizer = await createUser(t.app, 'organizer');
    viewer = await createUser(t.app, 'viewer');
    const venue = await createVenue(t.http, admin, { maxDailyCapacity: 100_000 });
    const event = async (key: string, day: string, attendance: number, outsidePct: number) => {
      ids[key] = (
        await approvedEvent(t.http, organizer, planner, venue.id, {
          startsAt: `2022-04-${day}T09:00`,
          endsAt: `2022-04-${day}T18:00`,
          expectedAttendance: attendance,
          expectedOutsideCitySharePct: outsidePct,
          expectedSpendPerAttendeeYuan: 800,
        })
      ).id;
    };
    await event('localFair', '05', 10_000, 5); // 500 from outside the city
    await event('festival', '06', 3_000, 80); // 2,400
    await event('linked', '07', 4_000, 90); // 3,600, but inside the campaign below
    const campaign = await createCampaign(t.http, planner, {
      startDate: '2022-04-01',
      endDate: '2022-04-10',
      expectedIncrementalVisitors: 10_000, // 1,000 a day: 7,000 in the week
      eventIds: [ids.linked],
    });
    await t.http.post(`/api/v1/campaigns/${campaign.id}/schedule`).set(planner.auth).expect(200);
    ids.campaign = campaign.id;
  });
  afterAll(() => t.close());

  it('ranks by incremental visitors and does not list an event inside its campaign again', async () => {
    const res = await t.http
      .get('/api/v1/reports/weekly?week=2022-W14&format=json')
      .set(viewer.auth)
      .expect(200);
    const top = res.body.topContributors as Contributor[];
    expect(top.map((c) => [c.id, c.visitors, c.revenue])).toEqual([
      [ids.campaign, 7_000, null],
      [ids.festival, 2_400, 2_400 * 800],
      [ids.localFair, 500, 500 * 800],
    ]);
  });
});
