import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eachDay } from '../../src/common/time/local-date.js';
import { pinClock, toCsv, type DailyRow } from '../factories/actuals.factory.js';
import { createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('actuals over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let viewer: TestUser;
  let organizer: TestUser;
  let venueId: string;

  const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM "actuals"'))[0].n);
  const csv = (body: string, query = '') =>
    t.http
      .post(`/api/v1/actuals/import${query}`)
      .set(planner.auth)
      .set('Content-Type', 'text/csv')
      .send(body);

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    // "Today" in Zhangjiajie is 10 April 2022 (it is already the 10th there at 17:00 UTC on the 9th).
    pinClock(t.app, '2022-04-09T17:00:00Z');
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    organizer = await createUser(t.app, 'organizer');
    venueId = (await createVenue(t.http, admin)).id;
  });
  afterAll(() => t.close());

  describe('one figure', () => {
    const body = { date: '2022-04-01', metric: 'visitors', value: 41250, source: 'bureau-daily-report' };

    it('records a figure for planners and admins only, and replaces it the second time', async () => {
      await t.http.put('/api/v1/actuals').set(viewer.auth).send(body).expect(403);
      await t.http.put('/api/v1/actuals').set(organizer.auth).send(body).expect(403);
      const first = await t.http.put('/api/v1/actuals').set(planner.auth).send(body).expect(200);
      expect(first.body).toMatchObject({
        ...body,
        scope: 'city',
        venueId: null,
        note: null,
        replaced: false,
      });
      const second = await t.http
        .put('/api/v1/actuals')
        .set(admin.auth)
        .send({ ...body, value: 41300, note: 'corrected' })
        .expect(200);
      expect(second.body).toMatchObject({ value: 41300, note: 'corrected', replaced: true });
      const rows = await t.dataSource.query(`SELECT * FROM "actuals" WHERE "date" = '2022-04-01'`);
      expect(rows).toHaveLength(1);
    });

    it('refuses bad input: 400 for the shape, 422 for unknown venues and future days', async () => {
      const bad = await t.http
        .put('/api/v1/actuals')
        .set(planner.auth)
        .send({ ...body, metric: 'visits', value: -1, extra: 1 })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'extra',
        'metric',
        'value',
      ]);
      const venue = await t.http
        .put('/api/v1/actuals')
        .set(planner.auth)
        .send({ ...body, venueId: 'no-such-venue' })
        .expect(422);
      expect(venue.body.message).toMatch(/not a known venue/);
      const future = await t.http
        .put('/api/v1/actuals')
        .set(planner.auth)
        .send({ ...body, date: '2022-04-11' })
        .expect(422);
      expect(future.body.message).toMatch(/in the future \(today is 2022-04-10/);
    });
  });

  describe('JSON import', () => {
    it('writes all rows, or none and lists each bad one by index', async () => {
      const before = await count();
      const bad = await t.http
        .post('/api/v1/actuals/bulk')
        .set(planner.auth)
        .send({
          source: 'weekly-upload',
          rows: [
            { date: '2022-03-01', metric: 'visitors', value: 100 },
            { date: '2022-03-02', metric: 'visitors', value: '1,000' },
            { date: '2022-03-03', metric: 'visitors', value: 100, venue: 'x' },
          ],
        })
        .expect(422);
      expect(bad.body.code).toBe('import_invalid');
      expect(bad.body.details.errors).toEqual([
        {
          index: 1,
          problems: ['value "1,000" must be a whole number, 0 or more (no separators or decimals)'],
        },
        { index: 2, problems: ['property venue should not exist'] },
      ]);
      expect(await count()).toBe(before);

      const ok = await t.http
        .post('/api/v1/actuals/bulk')
        .set(planner.auth)
        .send({
          source: 'weekly-upload',
          rows: [
            { date: '2022-03-01', metric: 'visitors', value: 100 },
            { date: '2022-03-02', metric: 'revenue', value: 9_000_000_000, source: 'ticketing' },
            { date: '2022-03-01', metric: 'visitors', value: 120, venueId },
          ],
        })
        .expect(200);
      expect(ok.body).toMatchObject({
        rows: 3,
        firstDate: '2022-03-01',
        lastDate: '2022-03-02',
        years: [2022],
        venueIds: [venueId],
      });
      expect(await count()).toBe(before + 3);
      await t.http.post('/api/v1/actuals/bulk').set(viewer.auth).send({ rows: [] }).expect(403);
      await t.http.post('/api/v1/actuals/bulk').set(planner.auth).send({ rows: [] }).expect(400);
    });
  });

  describe('CSV import', () => {
    const days = eachDay('2022-01-01', '2022-01-31');
    const rows: DailyRow[] = days.flatMap((date, i) => [
      { date, metric: 'visitors', value: 1000 + i, source: 'bureau' },
      { date, metric: 'revenue', value: 800_000 + i, source: 'bureau' },
    ]);

    it('imports a streamed file, and importing it again replaces the figures without adding rows', async () => {
      const before = await count();
      const first = await csv(toCsv(rows)).expect(200);
      expect(first.body).toMatchObject({
        rows: 62,
        firstDate: '2022-01-01',
        lastDate: '2022-01-31',
        years: [2022],
      });
      expect(await count()).toBe(before + 62);
      const changed = rows.map((r) => ({ ...r, value: r.value * 2, source: 'bureau-revised' }));
      await csv(toCsv(changed)).expect(200);
      await csv(toCsv(changed)).expect(200);
      expect(await count()).toBe(before + 62);
      const read = await t.http
        .get('/api/v1/actuals?metric=visitors&from=2022-01-01&to=2022-01-02')
        .set(viewer.auth)
        .expect(200);
      expect(read.body.points).toMatchObject([
        { period: '2022-01-01', value: 2000, source: 'bureau-revised' },
        { period: '2022-01-02', value: 2002, source: 'bureau-revised' },
      ]);
    });

    it('takes the source from the query when the file has none, and a later line wins over an earlier one', async () => {
      const body = 'date,metric,value\n2022-02-01,visitors,5\n2022-02-01,visitors,7\n';
      await csv(body).expect(422);
      await csv(body, '?source=ticketing-export').expect(200);
      const [row] = await t.dataSource.query(
        `SELECT "value", "source" FROM "actuals" WHERE "date" = '2022-02-01' AND "scopeKey" = 'city'`,
      );
      expect({ value: Number(row.value), source: row.source }).toEqual({
        value: 7,
        source: 'ticketing-export',
      });
    });

    it('reports every bad line and writes nothing, not even the good lines', async () => {
      const before = await count();
      const body = [
        'date,metric,value,venueId,source',
        '2022-02-10,visitors,10,,a', // good
        '2022-02-11,visitors,ten,,a',
        `2022-02-12,visitors,10,${venueId},a`, // good
        '2022-02-30,visitors,10,,a',
        '2022-02-13,visitors,10,nowhere,a',
        '2022-05-01,visitors,10,,a',
      ].join('\n');
      const res = await csv(body).expect(422);
      expect(res.body.code).toBe('import_invalid');
      expect(res.body.message).toMatch(/^4 of 6 rows are invalid; nothing was imported/);
      expect(res.body.details.errorCount).toBe(4);
      expect(res.body.details.truncated).toBe(false);
      expect(res.body.details.errors.map((e: { line: number }) => e.line)).toEqual([3, 5, 6, 7]);
      expect(res.body.details.errors[2].problems).toEqual(['venueId "nowhere" is not a known venue']);
      expect(await count()).toBe(before);
    });

    it('refuses other content types, and planners only', async () => {
      const json = await t.http
        .post('/api/v1/actuals/import')
        .set(planner.auth)
        .send({ rows: [] })
        .expect(415);
      expect(json.body.code).toBe('unsupported_media_type');
      await t.http
        .post('/api/v1/actuals/import')
        .set(viewer.auth)
        .set('Content-Type', 'text/csv')
        .send('date,metric,value\n')
        .expect(403);
      const header = await csv('day,metric,value\n2022-01-01,visitors,1\n').expect(422);
      expect(header.body.details.errors[0]).toMatchObject({ line: 1 });
    });
  });

  describe('reads', () => {
    beforeAll(async () => {
      // March 2022: every day but the 5th and 6th, 100 visitors a day, 1000 at the venue.
      const march = eachDay('2022-03-01', '2022-03-31').filter(
        (d) => !['2022-03-05', '2022-03-06'].includes(d),
      );
      await csv(
        toCsv(
          march.flatMap((date) => [
            { date, metric: 'visitors', value: 100, source: 'march' },
            { date, metric: 'visitors', value: 1000, venueId, source: 'march' },
          ]),
        ),
      ).expect(200);
    });

    it('reads by day with the days that have no figure', async () => {
      const res = await t.http
        .get('/api/v1/actuals?metric=visitors&from=2022-03-01&to=2022-03-07')
        .set(viewer.auth)
        .expect(200);
      expect(res.body).toMatchObject({
        metric: 'visitors',
        scope: 'city',
        venueId: null,
        granularity: 'day',
        total: 500,
        lastDate: '2022-03-07',
        missingDays: ['2022-03-05', '2022-03-06'],
      });
      expect(res.body.points).toHaveLength(7);
      expect(res.body.points[4]).toEqual({
        period: '2022-03-05',
        from: '2022-03-05',
        to: '2022-03-05',
        value: null,
        daysWithFigures: 0,
        days: 1,
        complete: false,
      });
    });

    it('reads by ISO week and by month, cut at the range', async () => {
      const weeks = await t.http
        .get('/api/v1/actuals?metric=visitors&from=2022-03-01&to=2022-03-31&granularity=week')
        .set(viewer.auth)
        .expect(200);
      expect(weeks.body.points.map((p: { period: string }) => p.period)).toEqual([
        '2022-W09',
        '2022-W10',
        '2022-W11',
        '2022-W12',
        '2022-W13',
      ]);
      // 2022-W09 runs Monday 28 February to Sunday 6 March; the range starts on Tuesday 1 March.
      expect(weeks.body.points[0]).toEqual({
        period: '2022-W09',
        from: '2022-03-01',
        to: '2022-03-06',
        value: 400,
        daysWithFigures: 4,
        days: 6,
        complete: false,
      });
      expect(weeks.body.points[1]).toMatchObject({ value: 700, complete: true });
      const months = await t.http
        .get('/api/v1/actuals?metric=visitors&from=2022-01-20&to=2022-04-30&granularity=month')
        .set(viewer.auth)
        .expect(200);
      expect(
        months.body.points.map((p: { period: string; value: number | null }) => [p.period, p.value]),
      ).toEqual([
        ['2022-01', 2 * (12 * 1000 + (19 + 30) * 6)], // the revised January, from the 20th
        ['2022-02', 7],
        ['2022-03', 2900],
        ['2022-04', 41300],
      ]);
      // Missing days stop at today (10 April); later days are not missing yet.
      expect(months.body.missingDays.at(-1)).toBe('2022-04-10');
      expect(months.body.missingDays).not.toContain('2022-04-11');
    });

    it('keeps venue figures apart from the city', async () => {
      const venue = await t.http
        .get(
          `/api/v1/actuals?metric=visitors&venueId=${venueId}&from=2022-03-01&to=2022-03-31&granularity=month`,
        )
        .set(viewer.auth)
        .expect(200);
      // 1 March's 120 from the JSON import was replaced by the CSV's 1000.
      expect(venue.body).toMatchObject({ scope: 'venue', venueId, total: 29_000 });
      const city = await t.http
        .get('/api/v1/actuals?metric=visitors&from=2022-03-01&to=2022-03-31&granularity=month')
        .set(viewer.auth)
        .expect(200);
      expect(city.body.total).toBe(2_900);
    });

    it('refuses a range backwards or too long', async () => {
      await t.http
        .get('/api/v1/actuals?metric=visitors&from=2022-03-02&to=2022-03-01')
        .set(viewer.auth)
        .expect(400);
      await t.http
        .get('/api/v1/actuals?metric=visitors&from=2000-01-01&to=2022-03-01')
        .set(viewer.auth)
        .expect(400);
      await t.http
        .get('/api/v1/actuals?metric=visitors&from=2022-03-01&to=2022-03-31&granularity=year')
        .set(viewer.auth)
        .expect(400);
    });
  });
});
