import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ActualBuffer, type ValidActualRow } from '../../src/actuals/actual-rows.js';
import { ActualWriter, SQLITE_THREAD_MIN_ROWS } from '../../src/actuals/actual-writer.js';
import { parseDatabaseUrl } from '../../src/common/config/app-config.js';
import { ConflictError } from '../../src/common/errors/domain-error.js';
import { fromDayNumber, toDayNumber } from '../../src/common/time/local-date.js';
import { dataSourceOptions } from '../../src/infra/database/data-source-options.js';
import { newId } from '../../src/infra/database/new-id.js';
import { sqliteTransactionQueue } from '../../src/infra/database/sqlite-transaction-queue.js';
import { Organization } from '../../src/organizations/organization.entity.js';
import { Target } from '../../src/targets/target.entity.js';
import { targetRow } from '../factories/actuals.factory.js';
import { writeLockSeen } from '../support/sqlite-write-lock.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Enough rows for the SQLite write to go to a worker thread, and to take a while there. */
const LARGE = Math.max(4 * SQLITE_THREAD_MIN_ROWS, 40_000);
const FIRST_DAY = toDayNumber('1990-01-01');
const ON_SQLITE = !process.env.DATABASE_URL?.startsWith('postgres'); // as createTestDatabase

/** `count` daily city figures from 1 January 1990, both metrics, values from `base`. */
function cityRows(count: number, base: number): ValidActualRow[] {
  return Array.from({ length: count }, (_, i) => ({
    date: fromDayNumber(FIRST_DAY + Math.floor(i / 2)),
    metric: i % 2 ? 'revenue' : 'visitors',
    venueId: null,
    value: base + i,
    source: 'writer-spec',
    note: null,
  }));
}

function bufferOf(rows: ValidActualRow[]): ActualBuffer {
  const buffer = new ActualBuffer();
  for (const row of rows) buffer.push(row);
  return buffer;
}

/**
 * ActualWriter on the database of this run: on SQLite a large write goes to a worker thread with
 * its own connection, all or nothing, while the app's connection keeps reading.
 */
describe('writing actuals', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let writer: ActualWriter;
  let targetId: string;

  const count = async () => Number((await dataSource.query('SELECT COUNT(*) AS n FROM "actuals"'))[0].n);
  const total = async () =>
    Number((await dataSource.query('SELECT COALESCE(SUM("value"), 0) AS s FROM "actuals"'))[0].s);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(parseDatabaseUrl(db.url))).initialize();
    sqliteTransactionQueue(dataSource);
    await dataSource.runMigrations();
    writer = new ActualWriter(dataSource);
    targetId = newId();
    await dataSource.getRepository(Target).insert({
      id: targetId,
      year: 2023,
      metric: 'visitors',
      scope: 'city',
      venueId: null,
      scopeKey: 'city',
      baselineYear: 2022,
      growthRate: 0.1,
    });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('writes a large import whole and marks its targets dirty in the same transaction', async () => {
    await writer.write(bufferOf(cityRows(LARGE, 1)), new Date('2022-04-10T00:00:00Z'), [targetId]);
    expect(await count()).toBe(LARGE);
    expect(await total()).toBe((LARGE * (LARGE + 1)) / 2);
    const target = await targetRow(dataSource, targetId);
    expect(target.inputsVersion).toBe(2);
    expect(target.dirtySince).not.toBeNull();
  });

  it('writes nothing when a row fails in the database, and says why (a conflict, not a crash)', async () => {
    const before = {
      count: await count(),
      total: await total(),
      target: await targetRow(dataSource, targetId),
    };
    // Every row replaces a stored figure, and the last one names a venue that does not exist
    // (as when a venue is deleted while the file is read): the whole write is refused.
    const rows = cityRows(LARGE, 1_000_000);
    rows.push({ ...rows[0], venueId: newId() });
    const failure = await writer.write(bufferOf(rows), new Date('2022-04-11T00:00:00Z'), [targetId]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure).toMatchObject({
      status: 409,
      code: 'concurrent_change',
      details: { constraint: 'foreign_key' },
    });
    expect((failure as Error).message).toMatch(/^No row was written: .*foreign key.*Nothing changed/);
    expect({
      count: await count(),
      total: await total(),
      target: await targetRow(dataSource, targetId),
    }).toEqual(before);
  });

  // The other connection and its lock are SQLite's: on PostgreSQL the write is on a pooled
  // connection of its own and never held the app's other queries up.
  (ON_SQLITE ? it : it.skip)(
    'keeps reading while a thread writes, and lets writes wait for its commit without blocking',
    async () => {
      const file = parseDatabaseUrl(db.url);
      if (file.type !== 'sqlite') throw new Error('SQLite only');
      const BASE = 5_000_000;
      const newFigures = async () =>
        Number(
          (await dataSource.query('SELECT COUNT(*) AS n FROM "actuals" WHERE "value" >= ?', [BASE]))[0].n,
        );
      let written = false;
      const writing = writer
        .write(bufferOf(cityRows(LARGE, BASE)), new Date('2022-04-12T00:00:00Z'))
        .finally(() => (written = true));

      // Another connection to the file finds SQLite's write lock taken: the thread is writing.
      // Never seen, had the write held the event loop from its start to its commit.
      expect(await writeLockSeen(file.path, () => written)).toBe(true);

      // A write sent meanwhile waits for the commit (it counts the committed figures)...
      const orgId = newId();
      const insert = dataSource.query(
        `INSERT INTO "organizations" ("id", "name", "kind") SELECT ?, 'saw ' || COUNT(*), 'other' FROM "actuals" WHERE "value" >= ?`,
        [orgId, BASE],
      );
      // ...while a read sent after it is answered before the rows are written, without them.
      const read = await newFigures();
      expect(written).toBe(false);
      expect(read).toBe(0);

      await Promise.all([writing, insert]);
      expect(await newFigures()).toBe(LARGE);
      const org = await dataSource.getRepository(Organization).findOneByOrFail({ id: orgId });
      expect(org.name).toBe(`saw ${LARGE}`);
    },
  );

  // The compiled thread, as `npm start` runs it (dist/ is built before the tests, see pretest).
  (ON_SQLITE ? it : it.skip)('starts the compiled write thread from dist/ as well', async () => {
    const file = parseDatabaseUrl(db.url);
    if (file.type !== 'sqlite') throw new Error('SQLite only');
    const compiled = (await import(
      // @ts-expect-error: the build's JavaScript, which has no types of its own
      '../../dist/src/actuals/actual-thread-writer.js'
    )) as typeof import('../../src/actuals/actual-thread-writer.js');
    const rows = cityRows(100, 9_000_000);
    await compiled.writeActualsInThread({
      file: file.path,
      rows: bufferOf(rows).takeColumns(),
      updatedAt: '2022-04-13 00:00:00.000',
      dirtyTargetIds: [],
    });
    const [{ n }] = await dataSource.query(
      'SELECT COUNT(*) AS n FROM "actuals" WHERE "value" >= ?',
      [9_000_000],
    );
    expect(Number(n)).toBe(100);
  });
});
