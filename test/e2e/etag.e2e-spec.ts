import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Campaign } from '../../src/campaigns/campaign.entity.js';
import { Event } from '../../src/events/event.entity.js';
import { User } from '../../src/users/user.entity.js';
import { createCampaign, createEvent, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Optimistic locking over HTTP: ETag from the version, If-Match on writes (issue 10, item 11). */
describe('ETag and If-Match', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let venueId: string;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, planner)).id;
  });
  afterAll(() => t.close());

  const version = async (entity: typeof Event | typeof Campaign, id: string) =>
    (await t.dataSource.getRepository(entity).findOneByOrFail({ id })).version;

  describe('events', () => {
    it('gives the version as ETag on create, read and write', async () => {
      const created = await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .send({
          titleZh: '标签活动',
          category: 'festival',
          venueId,
          startsAt: '2035-05-01T09:00',
          endsAt: '2035-05-01T18:00',
          expectedAttendance: 10,
          contact: { name: '张伟' },
        })
        .expect(201);
      expect(created.headers.etag).toBe('"1"');
      const read = await t.http.get(`/api/v1/events/${created.body.id}`).set(organizer.auth).expect(200);
      expect(read.headers.etag).toBe('"1"');
      const edited = await t.http
        .patch(`/api/v1/events/${created.body.id}`)
        .set(organizer.auth)
        .set('If-Match', '"1"')
        .send({ expectedAttendance: 20 })
        .expect(200);
      expect(edited.headers.etag).toBe('"2"');
      const submitted = await t.http
        .post(`/api/v1/events/${created.body.id}/submit`)
        .set(organizer.auth)
        .set('If-Match', '"2"')
        .expect(200);
      expect(submitted.headers.etag).toBe('"3"');
    });

    it('refuses a stale If-Match with 412 and the current version, changing nothing', async () => {
      const event = await createEvent(t.http, organizer, venueId);
      await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .send({ expectedAttendance: 5 })
        .expect(200);
      const stale = await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .set('If-Match', '"1"')
        .send({ expectedAttendance: 7 });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({
        statusCode: 412,
        code: 'precondition_failed',
        details: { currentVersion: 2, etag: '"2"' },
      });
      expect(stale.headers.etag).toBe('"2"');
      for (const path of ['submit', 'cancel']) {
        const res = await t.http
          .post(`/api/v1/events/${event.id}/${path}`)
          .set(organizer.auth)
          .set('If-Match', '"1"')
          .send({ reason: 'not wanted any more' });
        expect(res.status).toBe(412);
      }
      const del = await t.http
        .delete(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .set('If-Match', '"1"');
      expect(del.status).toBe(412);
      const row = await t.dataSource.getRepository(Event).findOneByOrFail({ id: event.id });
      expect(row).toMatchObject({ version: 2, expectedAttendance: 5, status: 'draft' });
      await t.http
        .delete(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .set('If-Match', '"0", "2"')
        .expect(204);
    });

    it('keeps today’s behaviour without the header, takes *, and refuses a malformed one', async () => {
      const event = await createEvent(t.http, organizer, venueId);
      await t.http.patch(`/api/v1/events/${event.id}`).set(organizer.auth).send({ note: 'a' }).expect(200);
      await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .set('If-Match', '*')
        .send({ note: 'b' })
        .expect(200);
      const bad = await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .set('If-Match', '3')
        .send({ note: 'c' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/If-Match/);
      await t.http
        .patch(`/api/v1/events/${event.id}`)
        .set(organizer.auth)
        .set('If-Match', '"1"')
        .send({})
        .expect(412);
      expect(await version(Event, event.id)).toBe(3);
    });

    it('lets only one of several writes with the same If-Match through', async () => {
      const event = await createEvent(t.http, organizer, venueId);
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          t.http
            .patch(`/api/v1/events/${event.id}`)
            .set(organizer.auth)
            .set('If-Match', '"1"')
            .send({ expectedAttendance: 100 + n }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.every((s) => s === 200 || s === 412 || s === 409)).toBe(true);
      expect(await version(Event, event.id)).toBe(2);
    });
  });

  describe('campaigns', () => {
    it('gives ETags and honours If-Match on PATCH, transitions and DELETE', async () => {
      const campaign = await createCampaign(t.http, planner);
      const read = await t.http.get(`/api/v1/campaigns/${campaign.id}`).set(planner.auth).expect(200);
      expect(read.headers.etag).toBe(`"${campaign.version}"`);
      const edited = await t.http
        .patch(`/api/v1/campaigns/${campaign.id}`)
        .set(planner.auth)
        .set('If-Match', `"${campaign.version}"`)
        .send({ budgetYuan: 1000 })
        .expect(200);
      expect(edited.headers.etag).toBe(`"${campaign.version + 1}"`);
      const stale = await t.http
        .patch(`/api/v1/campaigns/${campaign.id}`)
        .set(planner.auth)
        .set('If-Match', `"${campaign.version}"`)
        .send({ budgetYuan: 2000 });
      expect(stale.status).toBe(412);
      expect(stale.body.details.currentVersion).toBe(campaign.version + 1);
      await t.http
        .post(`/api/v1/campaigns/${campaign.id}/schedule`)
        .set(planner.auth)
        .set('If-Match', `"${campaign.version}"`)
        .expect(412);
      await t.http
        .delete(`/api/v1/campaigns/${campaign.id}`)
        .set(planner.auth)
        .set('If-Match', `"${campaign.version}"`)
        .expect(412);
      const row = await t.dataSource.getRepository(Campaign).findOneByOrFail({ id: campaign.id });
      expect(row).toMatchObject({ budgetYuan: 1000, status: 'draft' });
      const scheduled = await t.http
        .post(`/api/v1/campaigns/${campaign.id}/schedule`)
        .set(planner.auth)
        .set('If-Match', `"${campaign.version + 1}"`)
        .expect(200);
      expect(scheduled.headers.etag).toBe(`"${campaign.version + 2}"`);
    });

    it('lets only one of several writes with the same If-Match through', async () => {
      const campaign = await createCampaign(t.http, planner);
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          t.http
            .patch(`/api/v1/campaigns/${campaign.id}`)
            .set(planner.auth)
            .set('If-Match', `"${campaign.version}"`)
            .send({ budgetYuan: 1000 * n }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(await version(Campaign, campaign.id)).toBe(campaign.version + 1);
    });
  });

  let targetYears = 0;
  describe.each([
    {
      what: 'organizations',
      create: () => ({ name: `单位 ${Math.random().toString(36).slice(2, 8)}`, kind: 'other' }),
      edit: { kind: 'media' },
      field: 'kind',
      was: 'other',
    },
    {
      what: 'venues',
      create: null,
      edit: { note: 'edited' },
      field: 'note',
      was: null,
    },
    {
      what: 'funds',
      create: () => ({
        name: `资金 ${Math.random().toString(36).slice(2, 8)}`,
        kind: 'municipal_budget',
        year: 2022,
        amountYuan: 1000,
        responsibleUnit: '市财政局',
      }),
      edit: { amountYuan: 2000 },
      field: 'amountYuan',
      was: 1000,
    },
    {
      what: 'targets',
      // A city target per year and metric: each one of another year.
      create: () => ({
        year: 2030 + targetYears++,
        metric: 'visitors',
        scope: 'city',
        baselineYear: 2021,
        growthRate: 0.3,
        targetTotal: 1_000_000,
      }),
      edit: { note: 'edited' },
      field: 'note',
      was: null,
    },
  ])('$what (edited in the console’s dialogs)', ({ what, create, edit, field, was }) => {
    const make = async (): Promise<{ id: string }> =>
      create
        ? (await t.http.post(`/api/v1/${what}`).set(admin.auth).send(create()).expect(201)).body
        : createVenue(t.http, admin);

    it('gives ETags, and refuses a write on a stale If-Match with 412, changing nothing', async () => {
      const { id } = await make();
      const url = `/api/v1/${what}/${id}`;
      expect((await t.http.get(url).set(admin.auth).expect(200)).headers.etag).toBe('"1"');
      const edited = await t.http.patch(url).set(admin.auth).set('If-Match', '"1"').send(edit).expect(200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body.version).toBe(2);
      const stale = await t.http
        .patch(url)
        .set(admin.auth)
        .set('If-Match', '"1"')
        .send({ [field]: was });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'precondition_failed', details: { currentVersion: 2 } });
      await t.http.delete(url).set(admin.auth).set('If-Match', '"1"').expect(412);
      expect((await t.http.get(url).set(admin.auth).expect(200)).body).toMatchObject({
        ...edit,
        version: 2,
      });
      // Without the header, as before.
      await t.http
        .patch(url)
        .set(admin.auth)
        .send({ [field]: was })
        .expect(200);
      await t.http.delete(url).set(admin.auth).set('If-Match', '"3"').expect(204);
    });

    it('lets only one of several writes with the same If-Match through', async () => {
      const { id } = await make();
      const results = await Promise.all(
        [1, 2, 3, 4].map(() =>
          t.http.patch(`/api/v1/${what}/${id}`).set(admin.auth).set('If-Match', '"1"').send(edit),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.every((s) => s === 200 || s === 412 || s === 409)).toBe(true);
      const row = (await t.http.get(`/api/v1/${what}/${id}`).set(admin.auth).expect(200)).body;
      expect(row.version).toBe(2);
    });
  });

  describe('users (edited by admins in the users dialog)', () => {
    it('gives ETags, refuses a stale If-Match with 412 changing nothing, and counts only real edits', async () => {
      const user = await createUser(t.app, 'viewer');
      const url = `/api/v1/users/${user.id}`;
      expect((await t.http.get(url).set(admin.auth).expect(200)).headers.etag).toBe('"1"');
      const edited = await t.http
        .patch(url)
        .set(admin.auth)
        .set('If-Match', '"1"')
        .send({ role: 'planner' })
        .expect(200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body).toMatchObject({ role: 'planner', version: 2 });
      const stale = await t.http.patch(url).set(admin.auth).set('If-Match', '"1"').send({ role: 'viewer' });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'precondition_failed', details: { currentVersion: 2 } });
      expect((await t.http.get(url).set(admin.auth).expect(200)).body).toMatchObject({
        role: 'planner',
        version: 2,
      });
      // The same values again change nothing, and a new invitation link is not an edit of the user.
      await t.http.patch(url).set(admin.auth).send({ role: 'planner' }).expect(200);
      await t.dataSource.getRepository(User).update(user.id, { email: `${user.id}@example.org` });
      await t.http.post(`${url}/invitation`).set(admin.auth).set('If-Match', '"1"').expect(201);
      expect((await t.http.get(url).set(admin.auth).expect(200)).body.version).toBe(2);
      // Without the header, as before; the signed-in user's own read carries no ETag.
      await t.http.patch(url).set(admin.auth).send({ role: 'viewer' }).expect(200);
      expect((await t.http.get('/api/v1/me').set(user.auth).expect(200)).body).toMatchObject({
        role: 'viewer',
        version: 3,
      });
      await t.http.get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(admin.auth).expect(404);
    });

    it('lets only one of several edits with the same If-Match through', async () => {
      const user = await createUser(t.app, 'viewer');
      const results = await Promise.all(
        ['Ａ', 'Ｂ', 'Ｃ', 'Ｄ'].map((name) =>
          t.http.patch(`/api/v1/users/${user.id}`).set(admin.auth).set('If-Match', '"1"').send({ name }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.every((s) => s === 200 || s === 412)).toBe(true);
      expect((await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id })).version).toBe(2);
    });
  });

  it('documents If-Match on the writes and ETag on the reads', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const header = (op: { parameters?: { in: string; name: string }[] }) =>
      (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match');
    expect(header(doc.paths['/api/v1/events/{id}'].patch)).toBe(true);
    expect(header(doc.paths['/api/v1/events/{id}'].delete)).toBe(true);
    expect(header(doc.paths['/api/v1/events/{id}/approve'].post)).toBe(true);
    expect(header(doc.paths['/api/v1/campaigns/{id}/cancel'].post)).toBe(true);
    expect(header(doc.paths['/api/v1/events/{id}'].get)).toBe(false);
    expect(doc.paths['/api/v1/events/{id}'].patch.responses['412']).toBeDefined();
    expect(doc.paths['/api/v1/campaigns/{id}'].get.responses['200'].headers.ETag).toBeDefined();
    expect(header(doc.paths['/api/v1/funds/{id}'].patch)).toBe(true);
    // An allocation's writes change the allocations, not the fund: the fund's version is not theirs.
    expect(header(doc.paths['/api/v1/funds/{id}/allocations'].post)).toBe(false);
    expect(header(doc.paths['/api/v1/users/{id}'].patch)).toBe(true);
    // A new invitation link is not an edit of the user's record.
    expect(header(doc.paths['/api/v1/users/{id}/invitation'].post)).toBe(false);
  });
});
