import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SQLITE_THREAD_MIN_ROWS } from '../../src/actuals/actual-writer.js';
import { eachDay } from '../../src/common/time/local-date.js';
import { pinClock, toCsv, type DailyRow } from '../factories/actuals.factory.js';
import { createVenue } from '../factories/planning.factory.js';
import { createUser, type TestUser } from '../factories/user.factory.js';
import { writeLockSeen } from '../support/sqlite-write-lock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// On SQLite a large import is written by a worker thread holding the file's write lock, which
// this spec watches for. On PostgreSQL the write has always been on a pooled connection of its
// own, with nothing to watch: the spec is SQLite's (actuals.e2e-spec.ts covers imports on both).
const describeOnSqlite = process.env.DATABASE_URL?.startsWith('postgres') ? describe.skip : describe;

describeOnSqlite('a large actuals import over HTTP', () => {
  let t: TestApp;
  let planner: TestUser;
  let viewer: TestUser;
  let venueId: string;

  beforeAll(async () => {
    t = await createTestApp({ withWorker: false });
    pinClock(t.app, '2022-04-09T17:00:00Z'); // 10 April 2022 in Zhangjiajie
    const admin = await createUser(t.app, 'admin');
    planner = await createUser(t.app, 'planner');
    viewer = await createUser(t.app, 'viewer');
    venueId = (await createVenue(t.http, admin)).id;
  });
  afterAll(() => t.close());

  it('answers other requests while the rows are written, and writes them all', async () => {
    // 1960-2021, both metrics, the city and one venue: about 90,000 rows.
    const rows: DailyRow[] = eachDay('1960-01-01', '2021-12-31').flatMap((date, i) =>
      [undefined, venueId].flatMap((venue) => [
        { date, metric: 'visitors' as const, value: 1000 + (i % 97), venueId: venue, source: 'archive' },
        { date, metric: 'revenue' as const, value: 90_000 + i, venueId: venue, source: 'archive' },
      ]),
    );
    expect(rows.length).toBeGreaterThan(10 * SQLITE_THREAD_MIN_ROWS);
    const read = () =>
      t.http.get('/api/v1/actuals?metric=visitors&from=2021-12-01&to=2021-12-31').set(viewer.auth);
    expect((await read().expect(200)).body.total).toBe(0); // and the viewer's token is in use

    let answered = false;
    const importing = t.http
      .post('/api/v1/actuals/import')
      .set(planner.auth)
      .set('Content-Type', 'text/csv')
      .send(toCsv(rows))
      .then((res) => {
        answered = true;
        return res;
      });
    const db = t.config.database;
    if (db.type !== 'sqlite') throw new Error('SQLite only');
    expect(await writeLockSeen(db.path, () => answered)).toBe(true);

    // The rows are being written: a read and the liveness check are answered meanwhile, from
    // the figures as they were; a figure recorded meanwhile waits for the import's commit.
    const during = await read().expect(200);
    await t.http.get('/health').expect(200);
    expect(answered).toBe(false);
    expect(during.body.total).toBe(0);
    const put = t.http
      .put('/api/v1/actuals')
      .set(planner.auth)
      .send({ date: '2022-04-01', metric: 'visitors', value: 7, source: 'bureau' });

    const imported = await importing;
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      rows: rows.length,
      firstDate: '1960-01-01',
      lastDate: '2021-12-31',
    });
    expect((await put).status).toBe(200);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM "actuals"');
    expect(Number(n)).toBe(rows.length + 1);
    const december = rows.filter((r) => r.date >= '2021-12-01' && r.metric === 'visitors' && !r.venueId);
    expect((await read().expect(200)).body.total).toBe(december.reduce((sum, r) => sum + r.value, 0));
  });
});
