import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { targetRow } from '../factories/actuals.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('holidays over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
  });
  afterAll(() => t.close());

  it('reads a year the package knows, to anyone signed in', async () => {
    await t.http.get('/api/v1/holidays?year=2022').expect(401);
    const res = await t.http.get('/api/v1/holidays?year=2022').set(viewer.auth).expect(200);
    expect(res.body).toMatchObject({ year: 2022, source: 'package', packageKnowsYear: true });
    const spring = res.body.periods.find((p: { holiday: string }) => p.holiday === 'spring_festival');
    expect(spring).toMatchObject({
      instance: 'spring_festival',
      start: '2022-01-31',
      end: '2022-02-06',
      workdays: ['2022-01-29', '2022-01-30'],
    });
    expect(spring.days).toHaveLength(7);
    expect(res.body.periods.map((p: { holiday: string }) => p.holiday)).toEqual([
      'new_year',
      'spring_festival',
      'qingming',
      'may_day',
      'dragon_boat',
      'mid_autumn',
      'national_day',
      'new_year',
    ]);
    // 2022-12-31 opens the 2023 New Year holiday.
    expect(res.body.periods.at(-1)).toMatchObject({ instance: 'new_year@next', start: '2022-12-31' });
    expect(res.body.days.find((d: { date: string }) => d.date === '2022-02-01')).toEqual({
      date: '2022-02-01',
      kind: 'holiday',
      holiday: 'spring_festival',
      name: 'Spring Festival (春节)',
      origin: 'package',
    });
  });

  it('says when nobody knows a year yet', async () => {
    const res = await t.http.get('/api/v1/holidays?year=2031').set(viewer.auth).expect(200);
    expect(res.body).toEqual({ year: 2031, source: 'none', packageKnowsYear: false, periods: [], days: [] });
    const bad = await t.http.get('/api/v1/holidays').set(viewer.auth).expect(400);
    expect(bad.body.message).toMatch(/year/);
  });

  it('lets only admins add days, one per date', async () => {
    const day = { date: '2031-01-22', kind: 'holiday', holiday: 'spring_festival' };
    await t.http.post('/api/v1/holidays').set(planner.auth).send(day).expect(403);
    const created = await t.http.post('/api/v1/holidays').set(admin.auth).send(day).expect(201);
    expect(created.body).toMatchObject({ ...day, year: 2031, name: 'Spring Festival (春节)', note: null });
    const again = await t.http.post('/api/v1/holidays').set(admin.auth).send(day).expect(409);
    expect(again.body.code).toBe('holiday_override_exists');
    await t.http
      .post('/api/v1/holidays')
      .set(admin.auth)
      .send({ ...day, date: '2031-02-30' })
      .expect(400);
    await t.http
      .post('/api/v1/holidays')
      .set(admin.auth)
      .send({ ...day, date: '2031-01-23', holiday: 'lantern' })
      .expect(400);
    const year = await t.http.get('/api/v1/holidays?year=2031').set(viewer.auth).expect(200);
    expect(year.body.source).toBe('overrides');
    expect(year.body.periods).toEqual([
      expect.objectContaining({ holiday: 'spring_festival', start: '2031-01-22', end: '2031-01-22' }),
    ]);
  });

  it('replaces a whole year at once, and refuses days outside it or listed twice', async () => {
    const days = [
      { date: '2031-01-21', kind: 'holiday', holiday: 'spring_festival' },
      { date: '2031-01-22', kind: 'holiday', holiday: 'spring_festival' },
      { date: '2031-01-23', kind: 'holiday', holiday: 'spring_festival' },
      { date: '2031-01-19', kind: 'workday', holiday: 'spring_festival', note: 'State Council notice' },
      { date: '2031-10-01', kind: 'holiday', holiday: 'national_day' },
    ];
    const res = await t.http.put('/api/v1/holidays/years/2031').set(admin.auth).send({ days }).expect(200);
    expect(res.body.map((d: { date: string }) => d.date)).toEqual([
      '2031-01-19',
      '2031-01-21',
      '2031-01-22',
      '2031-01-23',
      '2031-10-01',
    ]);
    // Idempotent.
    await t.http.put('/api/v1/holidays/years/2031').set(admin.auth).send({ days }).expect(200);
    const list = await t.http.get('/api/v1/holidays/overrides?year=2031').set(viewer.auth).expect(200);
    expect(list.body).toHaveLength(5);
    const year = await t.http.get('/api/v1/holidays?year=2031').set(viewer.auth).expect(200);
    expect(year.body.periods[0]).toMatchObject({
      holiday: 'spring_festival',
      start: '2031-01-21',
      end: '2031-01-23',
      workdays: ['2031-01-19'],
    });

    const outside = await t.http
      .put('/api/v1/holidays/years/2031')
      .set(admin.auth)
      .send({ days: [{ date: '2030-12-31', kind: 'holiday', holiday: 'new_year' }, days[0], days[0]] })
      .expect(400);
    expect(outside.body.details).toEqual([
      { field: 'days.0.date', problems: ['2030-12-31 is not in 2031'] },
      { field: 'days.2.date', problems: ['2031-01-21 is listed twice'] },
    ]);
    await t.http.put('/api/v1/holidays/years/2031').set(planner.auth).send({ days }).expect(403);
  });

  it('lets an added day win over the package, and removing it restores the package', async () => {
    const added = await t.http
      .post('/api/v1/holidays')
      .set(admin.auth)
      .send({ date: '2022-01-29', kind: 'holiday', holiday: 'spring_festival', name: 'Local extra day' })
      .expect(201);
    let year = await t.http.get('/api/v1/holidays?year=2022').set(viewer.auth).expect(200);
    expect(year.body.source).toBe('package+overrides');
    const spring = year.body.periods.find((p: { holiday: string }) => p.holiday === 'spring_festival');
    expect(spring).toMatchObject({ start: '2022-01-29', workdays: ['2022-01-30'] });
    expect(year.body.days.find((d: { date: string }) => d.date === '2022-01-29')).toMatchObject({
      kind: 'holiday',
      origin: 'override',
      name: 'Local extra day',
    });

    await t.http.delete(`/api/v1/holidays/${added.body.id}`).set(planner.auth).expect(403);
    await t.http.delete(`/api/v1/holidays/${added.body.id}`).set(admin.auth).expect(204);
    await t.http.delete(`/api/v1/holidays/${added.body.id}`).set(admin.auth).expect(404);
    year = await t.http.get('/api/v1/holidays?year=2022').set(viewer.auth).expect(200);
    expect(year.body.source).toBe('package');
    expect(year.body.days.find((d: { date: string }) => d.date === '2022-01-29')).toMatchObject({
      kind: 'workday',
      origin: 'package',
    });
  });

  it('marks the targets of the year (and of a year based on it) dirty when the calendar changes', async () => {
    const city = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2032,
        metric: 'visitors',
        scope: 'city',
        baselineYear: 2031,
        growthRate: 0.1,
        targetTotal: 1000,
      })
      .expect(201);
    const other = await t.http
      .post('/api/v1/targets')
      .set(planner.auth)
      .send({
        year: 2030,
        metric: 'visitors',
        scope: 'city',
        baselineYear: 2029,
        growthRate: 0.1,
        targetTotal: 1000,
      })
      .expect(201);
    const before = await targetRow(t.dataSource, city.body.id);
    const otherBefore = await targetRow(t.dataSource, other.body.id);
    await t.http
      .post('/api/v1/holidays')
      .set(admin.auth)
      .send({ date: '2031-05-01', kind: 'holiday', holiday: 'may_day' })
      .expect(201);
    const after = await targetRow(t.dataSource, city.body.id);
    expect(after.inputsVersion).toBe(before.inputsVersion + 1);
    expect(after.dirtySince).not.toBeNull();
    expect((await targetRow(t.dataSource, other.body.id)).inputsVersion).toBe(otherBefore.inputsVersion);
  });
});
