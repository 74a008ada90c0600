import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, createVenue, venueBody } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('venues over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    viewer = await createUser(t.app, 'viewer');
  });
  afterAll(() => t.close());

  it('lets admins and planners create a venue with its capacities; zone defaults to Asia/Shanghai', async () => {
    const res = await t.http
      .post('/api/v1/venues')
      .set(planner.auth)
      .send({
        nameZh: '天门山国家森林公园',
        nameEn: 'Tianmen Mountain National Forest Park',
        district: '永定区',
        kind: 'scenic_area',
        aRating: 5,
        maxDailyCapacity: 30000,
        instantaneousCapacity: 10000,
        note: 'Capacity illustrative',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      nameZh: '天门山国家森林公园',
      kind: 'scenic_area',
      aRating: 5,
      maxDailyCapacity: 30000,
      instantaneousCapacity: 10000,
      timeZone: 'Asia/Shanghai',
      note: 'Capacity illustrative',
    });
    await t.http
      .post('/api/v1/venues')
      .set(admin.auth)
      .send(venueBody({ kind: 'online', maxDailyCapacity: undefined, aRating: undefined }))
      .expect(201);
  });

  it('refuses organizers and viewers (403) and anonymous callers (401)', async () => {
    for (const user of [organizer, viewer]) {
      const res = await t.http.post('/api/v1/venues').set(user.auth).send(venueBody()).expect(403);
      expect(res.body.code).toBe('forbidden');
    }
    await t.http.post('/api/v1/venues').send(venueBody()).expect(401);
    await t.http.get('/api/v1/venues').expect(401);
  });

  it('lets everyone signed in read, filter and page through venues', async () => {
    const stadium = await createVenue(t.http, admin, { kind: 'stadium', nameZh: '张家界市体育中心' });
    for (const user of [admin, planner, organizer, viewer]) {
      const page = await t.http.get('/api/v1/venues').set(user.auth).expect(200);
      expect(page.body.total).toBeGreaterThanOrEqual(3);
      const one = await t.http.get(`/api/v1/venues/${stadium.id}`).set(user.auth).expect(200);
      expect(one.body.nameZh).toBe('张家界市体育中心');
    }
    const stadiums = await t.http.get('/api/v1/venues?kind=stadium').set(viewer.auth).expect(200);
    expect(stadiums.body.items.map((v: { id: string }) => v.id)).toEqual([stadium.id]);
    const text = await t.http
      .get(`/api/v1/venues?q=${encodeURIComponent('天门')}`)
      .set(viewer.auth)
      .expect(200);
    expect(text.body.items.map((v: { nameZh: string }) => v.nameZh)).toEqual(['天门山国家森林公园']);
    const paged = await t.http.get('/api/v1/venues?limit=1&offset=1').set(viewer.auth).expect(200);
    expect(paged.body).toMatchObject({ limit: 1, offset: 1, items: [expect.any(Object)] });
    const tooMany = await t.http.get('/api/v1/venues?limit=201').set(viewer.auth).expect(400);
    expect(tooMany.body.details).toEqual([
      { field: 'limit', problems: ['limit must not be greater than 200'] },
    ]);
  });

  it('updates a venue, clears optional figures with null, and refuses nulls for required fields', async () => {
    const venue = await createVenue(t.http, planner);
    const res = await t.http
      .patch(`/api/v1/venues/${venue.id}`)
      .set(planner.auth)
      .send({ maxDailyCapacity: 25000, instantaneousCapacity: null, timeZone: 'Asia/Urumqi' })
      .expect(200);
    expect(res.body).toMatchObject({
      maxDailyCapacity: 25000,
      instantaneousCapacity: null,
      timeZone: 'Asia/Urumqi',
    });
    const bad = await t.http
      .patch(`/api/v1/venues/${venue.id}`)
      .set(planner.auth)
      .send({ nameZh: null })
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'nameZh', problems: ['nameZh must not be null'] }]);
    await t.http
      .patch(`/api/v1/venues/${venue.id}`)
      .set(organizer.auth)
      .send({ maxDailyCapacity: 1 })
      .expect(403);
  });

  it('rejects bad input naming the fields, and a duplicate Chinese name with 409', async () => {
    const res = await t.http
      .post('/api/v1/venues')
      .set(planner.auth)
      .send({
        nameZh: '',
        nameEn: 'x',
        district: 'd',
        kind: 'castle',
        aRating: 6,
        maxDailyCapacity: 0,
        timeZone: 'Mars/Base',
      })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ['aRating', 'kind', 'maxDailyCapacity', 'nameZh', 'timeZone'].sort(),
    );
    const first = await createVenue(t.http, planner);
    const dup = await t.http
      .post('/api/v1/venues')
      .set(planner.auth)
      .send(venueBody({ nameZh: first.nameZh }))
      .expect(409);
    expect(dup.body.code).toBe('venue_exists');
  });

  it('deletes an unused venue, refuses one that events use (409), and answers 404 for unknown ids', async () => {
    const unused = await createVenue(t.http, planner);
    await t.http.delete(`/api/v1/venues/${unused.id}`).set(organizer.auth).expect(403);
    await t.http.delete(`/api/v1/venues/${unused.id}`).set(planner.auth).expect(204);
    await t.http.get(`/api/v1/venues/${unused.id}`).set(planner.auth).expect(404);
    const used = await createVenue(t.http, planner);
    await createEvent(t.http, organizer, used.id);
    const res = await t.http.delete(`/api/v1/venues/${used.id}`).set(admin.auth).expect(409);
    expect(res.body.code).toBe('venue_in_use');
    await t.http.get(`/api/v1/venues/${used.id}`).set(admin.auth).expect(200);
    await t.http
      .patch('/api/v1/venues/00000000-0000-4000-8000-000000000000')
      .set(admin.auth)
      .send({})
      .expect(404);
  });

  it('refuses (409) to delete a venue that a target or an actual figure uses', async () => {
    const withTarget = await createVenue(t.http, planner);
    await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2031,
        metric: 'visitors',
        scope: 'venue',
        venueId: withTarget.id,
        baselineYear: 2030,
        growthRate: 0.1,
        targetTotal: 1000,
      })
      .expect(201);
    const target = await t.http.delete(`/api/v1/venues/${withTarget.id}`).set(planner.auth).expect(409);
    expect(target.body.code).toBe('venue_in_use');
    const withActual = await createVenue(t.http, planner);
    await t.http
      .put('/api/v1/actuals')
      .set(planner.auth)
      .send({ date: '2022-03-01', metric: 'visitors', value: 120, venueId: withActual.id, source: 'test' })
      .expect(200);
    const actual = await t.http.delete(`/api/v1/venues/${withActual.id}`).set(planner.auth).expect(409);
    expect(actual.body).toMatchObject({
      code: 'venue_in_use',
      message: expect.stringContaining('actual figures'),
    });
    await t.http.get(`/api/v1/venues/${withActual.id}`).set(planner.auth).expect(200);
  });
});
