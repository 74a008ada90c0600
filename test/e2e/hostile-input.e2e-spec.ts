import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Event } from '../../src/events/event.entity.js';
import { createVenue, eventBody } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Input the hostile suite of issue 10 sent: every one a 400 naming the problem, nothing stored. */
describe('hostile input over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let orgName: string;
  let venue: { id: string; nameZh: string };

  const countEvents = () => t.dataSource.getRepository(Event).count();

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false, env: { JSON_MAX_DEPTH: '32' } });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    orgName = (
      await t.http.get(`/api/v1/organizations/${organizer.organizationId}`).set(admin.auth).expect(200)
    ).body.name;
    venue = await createVenue(t.http, planner);
  });
  afterAll(() => t.close());

  describe('impossible date-times (item 1)', () => {
    const bad = [
      '2022-11-01T09:00+99:00',
      '2022-11-01T09:00+24:00',
      '2022-11-01T09:00+12:60',
      '2022-11-01T09:00-15:00',
      '2022-02-29T09:00+08:00',
      '2022-11-01T09:00:60Z',
    ];

    it.each(bad)('refuses startsAt %s with a 400 naming the field, storing nothing', async (startsAt) => {
      const before = await countEvents();
      const res = await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .send(eventBody(venue.id, { startsAt, endsAt: '2035-05-01T18:00' }));
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'startsAt' })]),
      );
      expect(await countEvents()).toBe(before);
    });

    it('still takes real offsets and reads them right', async () => {
      const res = await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .send(eventBody(venue.id, { startsAt: '2035-05-01T09:00+14:00', endsAt: '2035-05-01T18:00-12:00' }))
        .expect(201);
      expect(new Date(res.body.startsAt).toISOString()).toBe('2035-04-30T19:00:00.000Z');
      expect(new Date(res.body.endsAt).toISOString()).toBe('2035-05-02T06:00:00.000Z');
      await t.http.get('/api/v1/events').set(planner.auth).expect(200);
    });

    it('refuses them in the CSV import too, with the line and column', async () => {
      const before = await countEvents();
      const csv = [
        'organization,title_zh,category,venue,starts_at,ends_at,expected_attendance,contact_name',
        `${orgName},坏时区,festival,${venue.nameZh},2035-11-01T09:00+99:00,2035-11-01T18:00,10,张伟`,
      ].join('\r\n');
      const res = await t.http
        .post('/api/v1/events/import')
        .set(planner.auth)
        .set('Content-Type', 'text/csv; charset=utf-8')
        .send(Buffer.from(csv));
      expect(res.status).toBe(422);
      expect(res.body.details).toEqual([expect.objectContaining({ line: 2, column: 'starts_at' })]);
      expect(await countEvents()).toBe(before);
    });

    it('lets the database itself refuse an invalid stored instant', async () => {
      const id = '00000000-0000-4000-8000-0000000000aa';
      const sqlite = t.dataSource.options.type !== 'postgres';
      const insert = (startsAt: string) =>
        t.dataSource.query(
          `INSERT INTO "events" ("id", "organizationId", "titleZh", "category", "status", "venueId", "startsAt", "endsAt", "expectedAttendance", "contactName", "version", "createdAt", "updatedAt")
           VALUES (${sqlite ? '?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?' : '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13'})`,
          [
            id,
            organizer.organizationId,
            '坏',
            'festival',
            'draft',
            venue.id,
            startsAt,
            '2035-11-01 10:00:00.000',
            1,
            '张伟',
            1,
            '2035-01-01 00:00:00.000',
            '2035-01-01 00:00:00.000',
          ],
        );
      for (const value of ['0NaN-aN-aN aN:aN:aN.NaN', 'infinity', '-infinity']) {
        await expect(insert(value)).rejects.toThrow();
      }
      if (sqlite) await expect(insert('2035-02-30 09:00:00.000')).rejects.toThrow(/CHECK/);
      expect(await t.dataSource.getRepository(Event).existsBy({ id })).toBe(false);
    });
  });

  describe('strings that are not well-formed Unicode (item 2)', () => {
    it('refuses a lone surrogate in a JSON body with a 400 naming the field', async () => {
      const raw = '{"email":"\\ud800x@a.example","displayName":"x","language":"en"}';
      const res = await t.http
        .post('/api/v1/report-subscriptions')
        .set(planner.auth)
        .set('Content-Type', 'application/json')
        .send(raw);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'email', problems: [expect.stringMatching(/Unicode/)] }]);
    });

    it('names a nested field', async () => {
      const body = JSON.stringify(eventBody(venue.id)).replace('"zhang@example.com"', '"\\udc00@a.example"');
      const res = await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'contact.email', problems: [expect.any(String)] }]);
    });

    it('keeps well-formed text, astral characters included', async () => {
      await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .send(eventBody(venue.id, { titleZh: '𠮷野家 🎉' }))
        .expect(201);
    });
  });

  describe('deep nesting (item 3)', () => {
    it('refuses 3,000 nested objects with a 400', async () => {
      const body = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
      const res = await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'json_too_deep' });
      expect(res.body.message).toMatch(/32/);
    });

    it('refuses 100,000 nested arrays with a 400 on another route', async () => {
      const body = '['.repeat(100_000) + ']'.repeat(100_000);
      const res = await t.http
        .put('/api/v1/holidays/years/2032')
        .set(admin.auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'json_too_deep' });
    });

    it('counts brackets inside strings as text, not nesting', async () => {
      await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .send(eventBody(venue.id, { description: '[{'.repeat(500) + '\\"' }))
        .expect(201);
    });

    it('still answers malformed JSON with malformed_json', async () => {
      const res = await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .set('Content-Type', 'application/json')
        .send('{"a":');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('malformed_json');
    });
  });

  describe('holiday days that are not objects (item 4)', () => {
    it.each([[[[]]], [[1]], [['2032-01-01']], [[null]]])(
      'refuses days %j with a 400 naming days',
      async (days) => {
        const res = await t.http.put('/api/v1/holidays/years/2032').set(admin.auth).send({ days });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^days/) })]),
        );
      },
    );

    it('refuses an array where the event contact object belongs', async () => {
      const res = await t.http
        .post('/api/v1/events')
        .set(organizer.auth)
        .send(eventBody(venue.id, { contact: [[]] }));
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'contact' })]),
      );
    });
  });
});
