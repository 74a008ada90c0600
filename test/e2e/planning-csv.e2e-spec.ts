import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { Event } from '../../src/events/event.entity.js';
import { ProjectionInputs } from '../../src/projections/rebuild/projection-inputs.js';
import { approvedEvent, createCampaign, createEvent, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const BOM = '\uFEFF';
const HEADER =
  'organization,title_zh,title_en,category,venue,starts_at,ends_at,expected_attendance,contact_name,contact_phone,campaign';

describe('CSV export and import over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let planner: TestUser;
  let organizer: TestUser;
  let otherOrganizer: TestUser;
  let viewer: TestUser;
  let orgName: string;
  let venue: { id: string; nameZh: string };

  const countEvents = () => t.dataSource.getRepository(Event).count();
  const importCsv = (csv: string | Buffer, user: TestUser = planner, query = '') =>
    t.http
      .post(`/api/v1/events/import${query}`)
      .set(user.auth)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'));

  beforeAll(async () => {
    t = await createTestApp({
      withWorker: false,
      env: { BODY_LIMIT_BYTES: '4096', IMPORT_BODY_LIMIT_BYTES: '200000' },
    });
    admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    otherOrganizer = await createUser(t.app, 'organizer');
    viewer = await createUser(t.app, 'viewer');
    orgName = (
      await t.http.get(`/api/v1/organizations/${organizer.organizationId}`).set(admin.auth).expect(200)
    ).body.name;
    venue = await createVenue(t.http, planner, {
      nameZh: '张家界国家森林公园',
      nameEn: 'Zhangjiajie National Forest Park',
      maxDailyCapacity: 1_000_000,
    });
  });
  afterAll(() => t.close());

  describe('export', () => {
    it('writes campaigns as UTF-8 CSV with BOM, Chinese intact, with the list filters', async () => {
      await createCampaign(t.http, planner, {
        name: '网红营销：“张家界的夏天”',
        channel: 'influencer',
        targetMarkets: ['广州', '深圳'],
        description: '抖音, 小红书\n直播',
      });
      await createCampaign(t.http, planner, { name: '=HYPERLINK("http://evil")', channel: 'media' });
      const res = await t.http
        .get('/api/v1/campaigns/export.csv?channel=influencer')
        .set(viewer.auth)
        .expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="campaigns.csv"');
      expect(res.text.startsWith(BOM)).toBe(true);
      const rows = parse<Record<string, string>>(res.text, { bom: true, columns: true });
      expect(rows).toEqual([
        expect.objectContaining({
          name: '网红营销：“张家界的夏天”',
          channel: 'influencer',
          target_markets: '广州; 深圳',
          description: '抖音, 小红书\n直播',
          budget_yuan: '3000000',
        }),
      ]);
      const media = parse<Record<string, string>>(
        (await t.http.get('/api/v1/campaigns/export.csv?channel=media').set(viewer.auth).expect(200)).text,
        { bom: true, columns: true },
      );
      expect(media[0].name).toBe(`'=HYPERLINK("http://evil")`);
      await t.http.get('/api/v1/campaigns/export.csv').expect(401);
      await t.http.get('/api/v1/campaigns/export.csv?status=nope').set(viewer.auth).expect(400);
    });

    it("exports only the organizer's own events; naming another organization answers 404", async () => {
      const mine = await createEvent(t.http, organizer, venue.id, { titleZh: '我的活动' });
      const theirs = await createEvent(t.http, otherOrganizer, venue.id, { titleZh: '别人的活动' });
      const res = await t.http.get('/api/v1/events/export.csv').set(organizer.auth).expect(200);
      expect(res.text).toContain(mine.id);
      expect(res.text).not.toContain(theirs.id);
      expect(res.text).not.toContain('别人的活动');
      const hidden = await t.http
        .get(`/api/v1/events/export.csv?organizationId=${otherOrganizer.organizationId}`)
        .set(organizer.auth)
        .expect(404);
      expect(hidden.body.code).toBe('not_found');
      const all = await t.http
        .get(`/api/v1/events/export.csv?organizationId=${otherOrganizer.organizationId}`)
        .set(planner.auth)
        .expect(200);
      expect(all.text).toContain(theirs.id);
      expect(all.text).not.toContain(mine.id);
    });
  });

  describe('import', () => {
    it('imports a UTF-8 file with BOM as submitted events, with an audit line each', async () => {
      const campaign = await createCampaign(t.http, planner, { name: '节会营销：森林公园40周年' });
      const csv = [
        HEADER,
        `${orgName},张家界国家森林公园成立40周年庆祝活动,40th anniversary of the Forest Park,festival,张家界国家森林公园,2032-09-25T09:00,2032-09-25T17:00,"20,000",刘洋,+86 744 000,${campaign.id}`,
        `${organizer.organizationId},全国新年登高健身活动,,sports,Zhangjiajie National Forest Park,2032-01-01T08:00:00+08:00,2032-01-01T12:00:00+08:00,5000,刘洋,,节会营销：森林公园40周年`,
      ].join('\r\n');
      const before = await countEvents();
      const res = await importCsv(BOM + csv).expect(201);
      expect(res.body).toMatchObject({
        imported: 2,
        status: 'submitted',
        eventIds: [expect.any(String), expect.any(String)],
      });
      expect(await countEvents()).toBe(before + 2);
      const first = (
        await t.http.get(`/api/v1/events/${res.body.eventIds[0]}`).set(organizer.auth).expect(200)
      ).body;
      expect(first).toMatchObject({
        titleZh: '张家界国家森林公园成立40周年庆祝活动',
        status: 'submitted',
        organizationId: organizer.organizationId,
        startsAt: '2032-09-25T01:00:00.000Z',
        expectedAttendance: 20000,
        contact: { name: '刘洋', phone: '+86 744 000', email: null },
        campaignId: campaign.id,
      });
      const second = (
        await t.http.get(`/api/v1/events/${res.body.eventIds[1]}`).set(organizer.auth).expect(200)
      ).body;
      expect(second).toMatchObject({ titleEn: null, campaignId: campaign.id, venue: { id: venue.id } });
      const history = (
        await t.http.get(`/api/v1/events/${res.body.eventIds[0]}/history`).set(organizer.auth).expect(200)
      ).body;
      expect(history).toEqual([
        expect.objectContaining({
          action: 'import',
          from: null,
          to: 'submitted',
          reason: 'CSV line 2',
          by: expect.objectContaining({ id: planner.id }),
        }),
      ]);
    });

    it('reports the imported years and venues to projections once, in the import transaction', async () => {
      const spy = jest.spyOn(t.app.get(ProjectionInputs), 'record');
      try {
        const csv = [
          HEADER,
          `${orgName},跨年活动,,festival,张家界国家森林公园,2031-12-31T20:00,2032-01-01T02:00,100,张伟,,`,
          `${orgName},另一场,,festival,张家界国家森林公园,2033-05-01T09:00,2033-05-01T12:00,100,张伟,,`,
        ].join('\n');
        await importCsv(csv).expect(201);
        expect(spy).toHaveBeenCalledTimes(1);
        expect(spy).toHaveBeenCalledWith(expect.anything(), {
          source: 'event',
          years: [2031, 2032, 2033],
          venueIds: [venue.id],
        });
        spy.mockClear();
        await importCsv(`${HEADER}\n未知,坏,,festival,x,2031-01-01T00:00,2031-01-01T01:00,1,a,,`).expect(422);
        expect(spy).not.toHaveBeenCalled();
      } finally {
        spy.mockRestore();
      }
    });

    it('accepts a file without BOM, and ?status=draft', async () => {
      const csv = `${HEADER}\n${orgName},天门山音乐节,,performance,张家界国家森林公园,2032-05-01T19:00,2032-05-01T22:00,3000,张伟,,\n`;
      const res = await importCsv(csv, admin, '?status=draft').expect(201);
      expect(res.body).toMatchObject({ imported: 1, status: 'draft' });
      await importCsv(csv, admin, '?status=approved').expect(400);
    });

    it('rejects a file with bad rows whole, listing every bad row with its line and problem', async () => {
      const csv = [
        HEADER,
        `${orgName},好的一行,,festival,张家界国家森林公园,2032-03-01T09:00,2032-03-01T18:00,100,张伟,,`,
        `未知单位,坏行一,,festival,张家界国家森林公园,2032-03-01T09:00,2032-03-01T18:00,100,张伟,,`,
        `${orgName},坏行二,,party,不存在的景区,2032-03-01T09:00,2032-03-01T18:00,about 3000,张伟,,`,
        '',
        `${orgName},"坏行三
跨两行",,festival,张家界国家森林公园,2032-03-02T09:00,2032-03-01T18:00,100,,,`,
        `${orgName},坏行四,,festival,张家界国家森林公园,someday,2032-03-01T18:00,100,张伟,,00000000-0000-4000-8000-000000000000`,
        `${orgName},太短`,
        `${orgName},好的另一行,,festival,张家界国家森林公园,2032-03-01T09:00,2032-03-01T18:00,100,张伟,,`,
      ].join('\n');
      const before = await countEvents();
      const res = await importCsv(BOM + csv).expect(422);
      expect(res.body.code).toBe('import_rejected');
      expect(res.body.message).toContain('nothing was imported');
      expect(res.body.details).toEqual([
        {
          line: 3,
          column: 'organization',
          problem: 'organization "未知单位" is not a known organization (give its name or id)',
        },
        {
          line: 4,
          column: 'venue',
          problem: 'venue "不存在的景区" is not a known venue (give its Chinese or English name, or id)',
        },
        {
          line: 4,
          column: 'expected_attendance',
          problem: 'expected_attendance must be a whole number (got "about 3000")',
        },
        {
          line: 4,
          column: 'category',
          problem: expect.stringContaining('category must be one of the following values'),
        },
        { line: 6, column: 'contact_name', problem: 'contact_name is required' },
        {
          line: 8,
          column: 'campaign',
          problem:
            'campaign "00000000-0000-4000-8000-000000000000" is not a known campaign (give its id or exact name)',
        },
        {
          line: 8,
          column: 'starts_at',
          problem: expect.stringContaining('starts_at must be an ISO 8601 date-time'),
        },
        { line: 9, column: null, problem: 'The row has 2 fields; the header has 11' },
      ]);
      expect(await countEvents()).toBe(before);
    });

    it('reports an end before the start, and a malformed quote, with their lines', async () => {
      const csv = [
        HEADER,
        `${orgName},倒序,,festival,张家界国家森林公园,2032-03-02T09:00,2032-03-01T18:00,100,张伟,,`,
        `${orgName},"引号"错,,festival,张家界国家森林公园,2032-03-01T09:00,2032-03-01T18:00,100,张伟,,`,
      ].join('\n');
      const res = await importCsv(csv).expect(422);
      expect(res.body.details).toEqual([
        { line: 2, column: 'ends_at', problem: 'ends_at must not be before starts_at' },
        { line: 3, column: null, problem: expect.stringContaining('Malformed CSV') },
      ]);
    });

    it('rejects a bad header naming the unknown and missing columns, and an empty file', async () => {
      const res = await importCsv('organisation,title_zh,venue\nx,y,z\n').expect(422);
      expect(res.body.details).toHaveLength(1);
      expect(res.body.details[0]).toMatchObject({ line: 1, column: null });
      expect(res.body.details[0].problem).toContain('unknown column(s): organisation');
      expect(res.body.details[0].problem).toContain('missing column(s): organization, category, starts_at');
      expect((await importCsv('').expect(422)).body.code).toBe('empty_import');
      expect((await importCsv(`${HEADER}\n`).expect(422)).body.code).toBe('empty_import');
    });

    it('refuses a file that is not UTF-8 (GBK) with 422', async () => {
      // "张伟" in GBK.
      const gbk = Buffer.concat([
        Buffer.from(`${HEADER}\n${orgName},`, 'utf8'),
        Buffer.from([0xd5, 0xc5, 0xce, 0xb0]),
        Buffer.from(',,festival,x,2032-01-01T00:00,2032-01-01T01:00,1,a,,\n'),
      ]);
      const res = await importCsv(gbk).expect(422);
      expect(res.body.code).toBe('not_utf8');
    });

    it('is for planners and admins only, and needs text/csv', async () => {
      const csv = `${HEADER}\n`;
      await importCsv(csv, organizer).expect(403);
      await importCsv(csv, viewer).expect(403);
      await t.http.post('/api/v1/events/import').set('Content-Type', 'text/csv').send(csv).expect(401);
      const json = await t.http
        .post('/api/v1/events/import')
        .set(planner.auth)
        .send({ rows: [] })
        .expect(415);
      expect(json.body.code).toBe('unsupported_media_type');
    });

    it('streams files above the JSON body limit, keeps JSON routes on their limit, and caps imports at their own', async () => {
      const row = (n: number) =>
        `${orgName},大文件活动 ${n},,festival,张家界国家森林公园,2033-03-01T09:00,2033-03-01T18:00,100,张伟,,`;
      const big = [HEADER, ...Array.from({ length: 300 }, (_, n) => row(n))].join('\n');
      expect(Buffer.byteLength(big)).toBeGreaterThan(4096 * 4);
      const res = await importCsv(big).expect(201);
      expect(res.body.imported).toBe(300);
      const json = await t.http
        .post('/api/v1/venues')
        .set(planner.auth)
        .send({ nameZh: 'x'.repeat(5000) })
        .expect(413);
      expect(json.body.code).toBe('payload_too_large');
      const huge = [HEADER, ...Array.from({ length: 2000 }, (_, n) => row(n))].join('\n');
      expect((await importCsv(huge).expect(413)).body.code).toBe('payload_too_large');
      // Without Content-Length (chunked), the limit holds on the bytes read.
      const before = await countEvents();
      const req = t.http.post('/api/v1/events/import').set(planner.auth).set('Content-Type', 'text/csv');
      for (let i = 0; i < 20; i++)
        req.write(
          `${i === 0 ? HEADER : ''}\n${Array.from({ length: 100 }, (_, n) => row(i * 100 + n)).join('\n')}`,
        );
      const chunked = await req;
      expect(chunked.status).toBe(413);
      expect(await countEvents()).toBe(before);
    });
  });

  describe('round trip', () => {
    it('exports Chinese text and imports it back unchanged', async () => {
      const campaign = await createCampaign(t.http, planner, { name: '赛事营销：环天门山马拉松' });
      const source = await approvedEvent(t.http, organizer, planner, venue.id, {
        titleZh: '环天门山马拉松，“云端”赛道',
        titleEn: 'Around-Tianmen-Mountain Marathon, "cloud" course',
        category: 'sports',
        startsAt: '2034-11-06T07:30',
        endsAt: '2034-11-06T14:00',
        expectedAttendance: 8000,
        expectedOutsideCitySharePct: 65,
        expectedSpendPerAttendeeYuan: 1500,
        description: '全程42.195公里；\n半程21.0975公里\n=不是公式',
        contact: { name: '陈静', phone: '+86 744 888 8888', email: 'race@example.com' },
        campaignId: campaign.id,
        note: '日期为示意 (illustrative)',
      });
      const exported = await t.http
        .get(`/api/v1/events/export.csv?campaignId=${campaign.id}`)
        .set(planner.auth)
        .expect(200);
      expect(exported.text).toContain('环天门山马拉松，“云端”赛道');
      const before = (await t.http.get(`/api/v1/events/${source.id}`).set(planner.auth).expect(200)).body;
      // Every field of the file reads back equal to the stored one: the row is `unchanged`.
      const res = await importCsv(exported.text).expect(201);
      expect(res.body).toMatchObject({ imported: 0, created: 0, updated: 0, unchanged: 1, duplicates: 0 });
      expect(res.body.rows).toEqual([{ line: 2, outcome: 'unchanged', eventId: source.id }]);
      const after = (await t.http.get(`/api/v1/events/${source.id}`).set(planner.auth).expect(200)).body;
      expect(after).toEqual(before);
      expect(after.description).toBe('全程42.195公里；\n半程21.0975公里\n=不是公式');
    });
  });
});
