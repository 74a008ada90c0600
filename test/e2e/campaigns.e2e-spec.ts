import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import { campaignBody, createCampaign, createEvent, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('campaigns over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let otherOrganizer: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    otherOrganizer = await createUser(t.app, 'organizer');
    viewer = await createUser(t.app, 'viewer');
  });
  afterAll(() => t.close());

  it('lets planners and admins create campaigns as drafts, with every field', async () => {
    const res = await t.http
      .post('/api/v1/campaigns')
      .set(planner.auth)
      .send(
        campaignBody({
          name: '2022 境外招商：韩国市场推介会',
          description: '首尔、釜山推介 (Seoul and Busan roadshows)',
          channel: 'overseas',
          budgetYuan: 1_500_000,
          targetMarkets: ['韩国', '韩国', ' 日本 '],
          responsibleUnit: '市文旅局国际交流科',
          responsibleOrganizationId: planner.organizationId ?? undefined,
          expectedIncrementalVisitors: 20000,
          expectedIncrementalRevenueYuan: 40_000_000,
          note: 'Dates and figures illustrative',
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      name: '2022 境外招商：韩国市场推介会',
      channel: 'overseas',
      status: 'draft',
      budgetYuan: 1_500_000,
      startDate: '2022-04-01',
      endDate: '2022-06-30',
      targetMarkets: ['韩国', '日本'],
      responsibleUnit: '市文旅局国际交流科',
      expectedIncrementalVisitors: 20000,
      expectedIncrementalRevenueYuan: 40_000_000,
      actualSpendYuan: null,
      linkedEventIds: [],
      version: 1,
      note: 'Dates and figures illustrative',
    });
    await createCampaign(t.http, admin);
  });

  it('refuses writes by organizers and viewers (403), and lets every signed-in role read', async () => {
    const campaign = await createCampaign(t.http, planner);
    for (const user of [organizer, viewer]) {
      await t.http.post('/api/v1/campaigns').set(user.auth).send(campaignBody()).expect(403);
      await t.http
        .patch(`/api/v1/campaigns/${campaign.id}`)
        .set(user.auth)
        .send({ budgetYuan: 1 })
        .expect(403);
      await t.http.delete(`/api/v1/campaigns/${campaign.id}`).set(user.auth).expect(403);
      for (const action of ['schedule', 'activate', 'complete', 'cancel'])
        await t.http.post(`/api/v1/campaigns/${campaign.id}/${action}`).set(user.auth).send({}).expect(403);
    }
    for (const user of [admin, planner, organizer, viewer]) {
      await t.http.get(`/api/v1/campaigns/${campaign.id}`).set(user.auth).expect(200);
      await t.http.get('/api/v1/campaigns').set(user.auth).expect(200);
    }
    await t.http.get('/api/v1/campaigns').expect(401);
    const unchanged = await t.http.get(`/api/v1/campaigns/${campaign.id}`).set(viewer.auth).expect(200);
    expect(unchanged.body).toMatchObject({ status: 'draft', version: 1 });
  });

  it('validates the body, naming every bad field; end before start is a 400', async () => {
    const res = await t.http
      .post('/api/v1/campaigns')
      .set(planner.auth)
      .send({
        name: '',
        channel: 'radio',
        budgetYuan: 1.5,
        startDate: '2022-02-30',
        endDate: 'soon',
        responsibleUnit: '',
      })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ['budgetYuan', 'channel', 'endDate', 'name', 'responsibleUnit', 'startDate'].sort(),
    );
    const backwards = await t.http
      .post('/api/v1/campaigns')
      .set(planner.auth)
      .send(campaignBody({ startDate: '2022-06-01', endDate: '2022-05-31' }))
      .expect(400);
    expect(backwards.body.details).toEqual([
      { field: 'endDate', problems: ['endDate must not be before startDate'] },
    ]);
    const unknownOrg = await t.http
      .post('/api/v1/campaigns')
      .set(planner.auth)
      .send(campaignBody({ responsibleOrganizationId: '00000000-0000-4000-8000-000000000000' }))
      .expect(404);
    expect(unknownOrg.body.message).toContain('Organization');
  });

  it('runs the lifecycle draft -> scheduled -> active -> completed with the actual spend', async () => {
    const c = await createCampaign(t.http, planner);
    const scheduled = await t.http.post(`/api/v1/campaigns/${c.id}/schedule`).set(planner.auth).expect(200);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', version: 2 });
    const active = await t.http.post(`/api/v1/campaigns/${c.id}/activate`).set(admin.auth).expect(200);
    expect(active.body.status).toBe('active');
    const noSpend = await t.http
      .post(`/api/v1/campaigns/${c.id}/complete`)
      .set(planner.auth)
      .send({})
      .expect(400);
    expect(noSpend.body.details[0].field).toBe('actualSpendYuan');
    const done = await t.http
      .post(`/api/v1/campaigns/${c.id}/complete`)
      .set(planner.auth)
      .send({ actualSpendYuan: 2_850_000, actualIncrementalVisitors: 98000 })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      actualSpendYuan: 2_850_000,
      actualIncrementalVisitors: 98000,
      actualIncrementalRevenueYuan: null,
      version: 4,
    });
    const closed = await t.http
      .patch(`/api/v1/campaigns/${c.id}`)
      .set(planner.auth)
      .send({ budgetYuan: 1 })
      .expect(409);
    expect(closed.body.code).toBe('campaign_closed');
  });

  it('cancels from draft, scheduled and active, with a reason', async () => {
    for (const path of [[], ['schedule'], ['schedule', 'activate']]) {
      const c = await createCampaign(t.http, planner);
      for (const step of path)
        await t.http.post(`/api/v1/campaigns/${c.id}/${step}`).set(planner.auth).expect(200);
      const res = await t.http
        .post(`/api/v1/campaigns/${c.id}/cancel`)
        .set(planner.auth)
        .send({ reason: '疫情防控' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancellationReason: '疫情防控' });
    }
  });

  describe('each invalid transition is a 409 naming both states, and changes nothing', () => {
    const reach: Record<string, string[]> = {
      draft: [],
      scheduled: ['schedule'],
      active: ['schedule', 'activate'],
      completed: ['schedule', 'activate', 'complete'],
      cancelled: ['cancel'],
    };
    const allowed: Record<string, string[]> = {
      draft: ['schedule', 'cancel'],
      scheduled: ['activate', 'cancel'],
      active: ['complete', 'cancel'],
      completed: [],
      cancelled: [],
    };
    const target: Record<string, string> = {
      schedule: 'scheduled',
      activate: 'active',
      complete: 'completed',
      cancel: 'cancelled',
    };
    for (const [state, steps] of Object.entries(reach)) {
      for (const action of ['schedule', 'activate', 'complete', 'cancel'].filter(
        (a) => !allowed[state].includes(a),
      )) {
        it(`${action} from ${state}`, async () => {
          const c = await createCampaign(t.http, planner);
          for (const step of steps)
            await t.http
              .post(`/api/v1/campaigns/${c.id}/${step}`)
              .set(planner.auth)
              .send(step === 'complete' ? { actualSpendYuan: 1 } : {})
              .expect(200);
          const before = (await t.http.get(`/api/v1/campaigns/${c.id}`).set(planner.auth).expect(200)).body;
          const res = await t.http
            .post(`/api/v1/campaigns/${c.id}/${action}`)
            .set(planner.auth)
            .send(action === 'complete' ? { actualSpendYuan: 5 } : {})
            .expect(409);
          expect(res.body.code).toBe('invalid_transition');
          expect(res.body.message).toContain(`from ${state} to ${target[action]}`);
          expect(res.body.details).toMatchObject({ from: state, to: target[action], action });
          const after = (await t.http.get(`/api/v1/campaigns/${c.id}`).set(planner.auth).expect(200)).body;
          expect(after).toEqual(before);
        });
      }
    }
  });

  it('answers 404 for unknown campaigns in every route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await t.http.get(`/api/v1/campaigns/${id}`).set(viewer.auth).expect(404);
    await t.http.patch(`/api/v1/campaigns/${id}`).set(planner.auth).send({}).expect(404);
    await t.http.delete(`/api/v1/campaigns/${id}`).set(planner.auth).expect(404);
    for (const action of ['schedule', 'activate', 'cancel'])
      await t.http.post(`/api/v1/campaigns/${id}/${action}`).set(planner.auth).expect(404);
    await t.http
      .post(`/api/v1/campaigns/${id}/complete`)
      .set(planner.auth)
      .send({ actualSpendYuan: 1 })
      .expect(404);
  });

  it('updates the plan, bumps the version, and deletes drafts only', async () => {
    const c = await createCampaign(t.http, planner);
    const res = await t.http
      .patch(`/api/v1/campaigns/${c.id}`)
      .set(planner.auth)
      .send({
        budgetYuan: 4_000_000,
        endDate: '2022-07-15',
        description: null,
        expectedIncrementalVisitors: 5000,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      budgetYuan: 4_000_000,
      endDate: '2022-07-15',
      description: null,
      version: 2,
    });
    await t.http
      .patch(`/api/v1/campaigns/${c.id}`)
      .set(planner.auth)
      .send({ endDate: '2022-03-01' })
      .expect(400);
    await t.http.patch(`/api/v1/campaigns/${c.id}`).set(planner.auth).send({ channel: null }).expect(400);
    await t.http.post(`/api/v1/campaigns/${c.id}/schedule`).set(planner.auth).expect(200);
    const notDraft = await t.http.delete(`/api/v1/campaigns/${c.id}`).set(planner.auth).expect(409);
    expect(notDraft.body.code).toBe('campaign_not_draft');
    const draft = await createCampaign(t.http, planner);
    await t.http.delete(`/api/v1/campaigns/${draft.id}`).set(planner.auth).expect(204);
    await t.http.get(`/api/v1/campaigns/${draft.id}`).set(planner.auth).expect(404);
  });

  it('links events from the campaign side, showing organizers only their own linked events', async () => {
    const venue = await createVenue(t.http, planner);
    const mine = await createEvent(t.http, organizer, venue.id);
    const theirs = await createEvent(t.http, otherOrganizer, venue.id);
    const c = await createCampaign(t.http, planner, { eventIds: [mine.id, theirs.id] });
    const asPlanner = await t.http.get(`/api/v1/campaigns/${c.id}`).set(planner.auth).expect(200);
    expect(asPlanner.body.linkedEventIds.sort()).toEqual([mine.id, theirs.id].sort());
    const asOrganizer = await t.http.get(`/api/v1/campaigns/${c.id}`).set(organizer.auth).expect(200);
    expect(asOrganizer.body.linkedEventIds).toEqual([mine.id]);
    const event = await t.http.get(`/api/v1/events/${mine.id}`).set(organizer.auth).expect(200);
    expect(event.body.campaignId).toBe(c.id);
    const relinked = await t.http
      .patch(`/api/v1/campaigns/${c.id}`)
      .set(planner.auth)
      .send({ eventIds: [theirs.id] })
      .expect(200);
    expect(relinked.body.linkedEventIds).toEqual([theirs.id]);
    expect((await t.http.get(`/api/v1/events/${mine.id}`).set(organizer.auth)).body.campaignId).toBeNull();
    const unknown = await t.http
      .patch(`/api/v1/campaigns/${c.id}`)
      .set(planner.auth)
      .send({ eventIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(404);
    expect(unknown.body.message).toContain('Event');
  });

  it('links and unlinks as edits of the events: version bumped, history written, nothing else touched', async () => {
    const venue = await createVenue(t.http, planner);
    const a = await createEvent(t.http, organizer, venue.id);
    const b = await createEvent(t.http, organizer, venue.id);
    const history = async (id: string) =>
      (await t.http.get(`/api/v1/events/${id}/history`).set(organizer.auth).expect(200)).body as {
        action: string;
        reason: string | null;
        actor?: { id: string };
        details: { changedFields?: string[]; campaignId?: { from: string | null; to: string | null } } | null;
      }[];
    const version = async (id: string) =>
      (await t.http.get(`/api/v1/events/${id}`).set(organizer.auth).expect(200)).body.version as number;
    const c = await createCampaign(t.http, planner, { eventIds: [a.id] });
    expect(await version(a.id)).toBe(a.version + 1);
    expect(await version(b.id)).toBe(b.version);
    expect((await history(a.id)).at(-1)).toMatchObject({
      action: 'edit',
      details: { changedFields: ['campaignId'], campaignId: { from: null, to: c.id } },
    });
    await t.http
      .patch(`/api/v1/campaigns/${c.id}`)
      .set(planner.auth)
      .send({ eventIds: [b.id] })
      .expect(200);
    expect(await version(a.id)).toBe(a.version + 2);
    expect(await version(b.id)).toBe(b.version + 1);
    expect((await history(a.id)).at(-1)).toMatchObject({
      action: 'edit',
      details: { campaignId: { from: c.id, to: null } },
    });
    expect((await history(b.id)).at(-1)).toMatchObject({ details: { campaignId: { from: null, to: c.id } } });
    // The same links again: no change, no new version.
    await t.http
      .patch(`/api/v1/campaigns/${c.id}`)
      .set(planner.auth)
      .send({ eventIds: [b.id] })
      .expect(200);
    expect(await version(b.id)).toBe(b.version + 1);
    expect(await history(b.id)).toHaveLength(2);
  });

  describe('filters and pagination', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const make = async (
        key: string,
        body: Record<string, unknown> & { name?: string },
        steps: string[] = [],
      ) => {
        const c = await createCampaign(t.http, planner, { ...body, name: `F-${key} ${body.name ?? ''}` });
        for (const s of steps)
          await t.http.post(`/api/v1/campaigns/${c.id}/${s}`).set(planner.auth).expect(200);
        return [key, c.id] as const;
      };
      ids = Object.fromEntries(
        await Promise.all([
          make('spring', {
            channel: 'festival',
            startDate: '2022-03-01',
            endDate: '2022-03-31',
            responsibleUnit: '武陵源区文旅局',
            description: '春季赏花节',
          }),
          make(
            'may',
            {
              channel: 'festival',
              startDate: '2022-04-29',
              endDate: '2022-05-05',
              responsibleUnit: '永定区文旅局',
            },
            ['schedule'],
          ),
          make(
            'summer',
            {
              channel: 'influencer',
              startDate: '2022-07-01',
              endDate: '2022-08-31',
              responsibleUnit: '武陵源区文旅局',
              name: '网红打卡_100%',
            },
            ['schedule', 'activate'],
          ),
          make('rail', {
            channel: 'high_speed_rail',
            startDate: '2022-01-01',
            endDate: '2022-12-31',
            responsibleUnit: '市文旅局',
          }),
        ]),
      );
    });
    const names = (body: { items: { name: string }[] }) =>
      body.items.map((i) => i.name.split(' ')[0]).filter((n) => n.startsWith('F-'));
    const get = (query: string) =>
      t.http.get(`/api/v1/campaigns?limit=200&${query}`).set(viewer.auth).expect(200);

    it('by channel, status and responsible unit', async () => {
      expect(names((await get('channel=festival')).body)).toEqual(['F-spring', 'F-may']);
      expect(names((await get('status=active')).body)).toEqual(['F-summer']);
      expect(names((await get(`responsibleUnit=${encodeURIComponent('武陵源区文旅局')}`)).body)).toEqual([
        'F-spring',
        'F-summer',
      ]);
      await t.http.get('/api/v1/campaigns?status=paused').set(viewer.auth).expect(400);
    });

    it('by date-range overlap, ordered by start date', async () => {
      expect(names((await get('from=2022-05-01&to=2022-05-31')).body)).toEqual(['F-rail', 'F-may']);
      expect(names((await get('from=2022-03-31&to=2022-03-31')).body)).toEqual(['F-rail', 'F-spring']);
      expect(names((await get('from=2022-09-01')).body)).toEqual(['F-rail']);
      const bad = await t.http
        .get('/api/v1/campaigns?from=2022-06-01&to=2022-05-01')
        .set(viewer.auth)
        .expect(400);
      expect(bad.body.message).toContain('from');
    });

    it('by text in name, description or unit, taking % and _ literally', async () => {
      expect(names((await get(`q=${encodeURIComponent('赏花')}`)).body)).toEqual(['F-spring']);
      expect(names((await get(`q=${encodeURIComponent('_100%')}`)).body)).toEqual(['F-summer']);
      expect(names((await get(`q=${encodeURIComponent('%')}`)).body)).toEqual(['F-summer']);
    });

    it('pages with a hard cap', async () => {
      const all = (await get('')).body;
      const first = (await t.http.get('/api/v1/campaigns?limit=2&offset=0').set(viewer.auth).expect(200))
        .body;
      const second = (await t.http.get('/api/v1/campaigns?limit=2&offset=2').set(viewer.auth).expect(200))
        .body;
      expect(first).toMatchObject({ limit: 2, offset: 0, total: all.total });
      expect([...first.items, ...second.items].map((i: { id: string }) => i.id)).toEqual(
        all.items.slice(0, 4).map((i: { id: string }) => i.id),
      );
      const capped = await t.http.get('/api/v1/campaigns?limit=1000').set(viewer.auth).expect(400);
      expect(capped.body.details[0].field).toBe('limit');
      expect(Object.keys(ids)).toHaveLength(4);
    });
  });

  it('reports each projection-moving change with the years before and after', async () => {
    const spy = jest.spyOn(t.app.get(ProjectionInputs), 'record');
    try {
      const c = await createCampaign(t.http, planner, { startDate: '2022-12-20', endDate: '2023-01-10' });
      expect(spy).toHaveBeenLastCalledWith(expect.anything(), {
        source: 'campaign',
        years: [2022, 2023],
        venueIds: [],
      });
      await t.http
        .patch(`/api/v1/campaigns/${c.id}`)
        .set(planner.auth)
        .send({ startDate: '2023-01-01', endDate: '2024-01-02' })
        .expect(200);
      expect(spy).toHaveBeenLastCalledWith(expect.anything(), {
        source: 'campaign',
        years: [2022, 2023, 2024],
        venueIds: [],
      });
      spy.mockClear();
      await t.http.patch(`/api/v1/campaigns/${c.id}`).set(planner.auth).send({ name: 'renamed' }).expect(200);
      expect(spy).not.toHaveBeenCalled();
      await t.http.post(`/api/v1/campaigns/${c.id}/cancel`).set(planner.auth).expect(200);
      expect(spy).toHaveBeenCalledWith(expect.anything(), {
        source: 'campaign',
        years: [2023, 2024],
        venueIds: [],
      });
    } finally {
      spy.mockRestore();
    }
  });
});
