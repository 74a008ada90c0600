import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Event } from '../../src/events/event.entity.js';
import { approvedEvent, createEvent, createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The events CSV round trip is idempotent (issue 10, item 12). */
describe('events CSV round trip', () => {
  let t: TestApp;
  let planner: TestUser;
  let organizer: TestUser;
  let orgName: string;
  let venue: { id: string; nameZh: string };
  let ids: Record<'draft' | 'approved' | 'completed' | 'cancelled', string>;

  const countEvents = () => t.dataSource.getRepository(Event).count();
  const importCsv = (csv: string) =>
    t.http
      .post('/api/v1/events/import')
      .set(planner.auth)
      .set('Content-Type', 'text/csv; charset=utf-8')
      .send(Buffer.from(csv, 'utf8'));
  const exportCsv = async () =>
    (
      await t.http
        .get(`/api/v1/events/export.csv?organizationId=${organizer.organizationId}`)
        .set(planner.auth)
        .expect(200)
    ).text;
  /** The exported file, each row passed through `edit` (rows as objects keyed by column). */
  const rewrite = (csv: string, edit: (row: Record<string, string>) => Record<string, string>) => {
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    return stringify(rows.map(edit), { header: true });
  };

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    const admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    organizer = await createUser(t.app, 'organizer');
    orgName = (
      await t.http.get(`/api/v1/organizations/${organizer.organizationId}`).set(admin.auth).expect(200)
    ).body.name;
    venue = await createVenue(t.http, planner, { maxDailyCapacity: 1_000_000 });
    const draft = await createEvent(t.http, organizer, venue.id, { titleZh: '草稿活动' });
    const approved = await approvedEvent(t.http, organizer, planner, venue.id, { titleZh: '已批活动' });
    const past = { startsAt: '2022-06-01T09:00', endsAt: '2022-06-01T18:00' };
    const completed = await approvedEvent(t.http, organizer, planner, venue.id, {
      titleZh: '完成活动',
      ...past,
    });
    await t.http
      .post(`/api/v1/events/${completed.id}/complete`)
      .set(planner.auth)
      .send({ actualAttendance: 900 })
      .expect(200);
    const cancelled = await createEvent(t.http, organizer, venue.id, { titleZh: '取消活动' });
    await t.http
      .post(`/api/v1/events/${cancelled.id}/cancel`)
      .set(organizer.auth)
      .send({ reason: 'weather' })
      .expect(200);
    ids = { draft: draft.id, approved: approved.id, completed: completed.id, cancelled: cancelled.id };
  });
  afterAll(() => t.close());

  it('imports its own export as unchanged: no copies, no new versions', async () => {
    const before = await countEvents();
    const versions = await t.dataSource.getRepository(Event).find({ select: { id: true, version: true } });
    const res = await importCsv(await exportCsv()).expect(201);
    expect(res.body).toMatchObject({ imported: 0, created: 0, updated: 0, unchanged: 4, duplicates: 0 });
    expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(Array(4).fill('unchanged'));
    expect(await countEvents()).toBe(before);
    expect(await t.dataSource.getRepository(Event).find({ select: { id: true, version: true } })).toEqual(
      versions,
    );
  });

  it('updates an event by id where its state allows, as an edit would', async () => {
    const csv = rewrite(await exportCsv(), (row) =>
      row.id === ids.draft
        ? { ...row, title_en: 'Edited by CSV' }
        : row.id === ids.approved
          ? { ...row, expected_attendance: '1234' }
          : row,
    );
    const res = await importCsv(csv).expect(201);
    expect(res.body).toMatchObject({ created: 0, updated: 2, unchanged: 2 });
    const draft = await t.dataSource.getRepository(Event).findOneByOrFail({ id: ids.draft });
    expect(draft).toMatchObject({ titleEn: 'Edited by CSV', version: 2, status: 'draft' });
    // A change that needs a new approval sends the approved event back, as PATCH does.
    const approved = await t.dataSource.getRepository(Event).findOneByOrFail({ id: ids.approved });
    expect(approved).toMatchObject({ expectedAttendance: 1234, status: 'submitted' });
    const history = (await t.http.get(`/api/v1/events/${ids.draft}/history`).set(planner.auth).expect(200))
      .body;
    expect(history.at(-1)).toMatchObject({ action: 'edit', details: { changedFields: ['titleEn'] } });
  });

  it('refuses a change to a completed or cancelled event, naming the line, and changes nothing', async () => {
    const before = await countEvents();
    const csv = rewrite(await exportCsv(), (row) =>
      row.id === ids.completed || row.id === ids.draft ? { ...row, note: 'changed' } : row,
    );
    const res = await importCsv(csv).expect(422);
    expect(res.body.details).toEqual([
      expect.objectContaining({ column: 'id', problem: expect.stringMatching(/completed/) }),
    ]);
    expect((await t.dataSource.getRepository(Event).findOneByOrFail({ id: ids.draft })).note).toBeNull();
    expect(await countEvents()).toBe(before);
  });

  it('refuses a row that would move an event to another organization', async () => {
    const admin = await createUser(t.app, 'admin');
    const other = await createUser(t.app, 'organizer');
    const otherName = (
      await t.http.get(`/api/v1/organizations/${other.organizationId}`).set(admin.auth).expect(200)
    ).body.name;
    const csv = rewrite(await exportCsv(), (row) =>
      row.id === ids.draft ? { ...row, organization: otherName } : row,
    );
    const res = await importCsv(csv).expect(422);
    expect(res.body.details).toEqual([expect.objectContaining({ column: 'organization' })]);
    const draft = await t.dataSource.getRepository(Event).findOneByOrFail({ id: ids.draft });
    expect(draft.organizationId).toBe(organizer.organizationId);
  });

  it('reports a row without an id that matches an event as a duplicate', async () => {
    const before = await countEvents();
    const res = await importCsv(rewrite(await exportCsv(), (row) => ({ ...row, id: '' }))).expect(201);
    expect(res.body).toMatchObject({ created: 0, duplicates: 4 });
    expect(res.body.rows.map((r: { eventId: string }) => r.eventId).sort()).toEqual(
      Object.values(ids).sort(),
    );
    expect(await countEvents()).toBe(before);
  });

  it('creates each new event once when the same file is imported three times at once', async () => {
    const before = await countEvents();
    const csv = [
      'organization,title_zh,category,venue,starts_at,ends_at,expected_attendance,contact_name',
      ...Array.from({ length: 300 }, (_, n) => {
        const day = `2036-01-01T${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
        return `${orgName},并发活动 ${n},festival,${venue.nameZh},${day},2036-01-02T18:00,10,张伟`;
      }),
      // The same event twice in one file: the second is a duplicate of the first.
      `${orgName},并发活动 1,festival,${venue.nameZh},2036-01-01T00:01,2036-01-02T18:00,10,张伟`,
    ].join('\r\n');
    const results = await Promise.all([importCsv(csv), importCsv(csv), importCsv(csv)]);
    for (const r of results) expect(r.status).toBe(201);
    const ok = results.filter((r) => r.status === 201);
    expect(ok.reduce((n, r) => n + r.body.created, 0)).toBe(300);
    expect(await countEvents()).toBe(before + 300);
    expect(ok.every((r) => r.body.created + r.body.duplicates === 301)).toBe(true);
  });
});
