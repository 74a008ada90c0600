import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../src/common/config/app-config.js';
import { dataSourceOptions } from '../../src/infra/database/data-source-options.js';
import { MIGRATIONS } from '../../src/infra/database/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Every migration runs up and down on the database of this run (SQLite, or PostgreSQL in CI). */
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(parseDatabaseUrl(db.url))).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const tables = async (): Promise<string[]> => {
    const rows: { name: string }[] =
      dataSource.options.type === 'postgres'
        ? await dataSource.query(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
          )
        : await dataSource.query(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
          );
    return rows.map((r) => r.name).sort();
  };

  it('apply in order and leave a schema that matches the entities', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await tables()).toEqual(expect.arrayContaining(['organizations', 'users', 'api_tokens']));
    // The schema the migrations built is the one the entities describe: nothing left to generate.
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all already applied on a second run', async () => {
    expect(await dataSource.runMigrations()).toEqual([]);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('soft-deleting subscriptions keeps existing readers and their delivery log, and reverts', async () => {
    const q = (sql: string) => dataSource.query(sql);
    const last = MIGRATIONS.findIndex((m) => new m().name === 'SoftDeleteSubscriptions1796033561334');
    for (let i = last; i < MIGRATIONS.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    const sub = (id: string, email: string) =>
      `INSERT INTO "report_subscriptions" ("id", "email", "displayName", "language") VALUES ('${id}', '${email}', 'R', 'en')`;
    const a = '00000000-0000-4000-8000-00000000000a';
    await q(sub(a, 'a@example.com'));
    await q(
      `INSERT INTO "report_deliveries" ("id", "subscriptionId", "week", "state", "messageId") VALUES ('00000000-0000-4000-8000-0000000000d1', '${a}', '2022-W14', 'sent', '<m>')`,
    );
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await q(`SELECT "email", "deletedAt" FROM "report_subscriptions"`)).toEqual([
      { email: 'a@example.com', deletedAt: null },
    ]);
    expect(await q(`SELECT "subscriptionId" FROM "report_deliveries"`)).toEqual([{ subscriptionId: a }]);
    // The address is unique among live rows only; the log refuses a delete that would erase it.
    const b = '00000000-0000-4000-8000-00000000000b';
    await q(`UPDATE "report_subscriptions" SET "deletedAt" = CURRENT_TIMESTAMP WHERE "id" = '${a}'`);
    await q(sub(b, 'a@example.com'));
    await expect(q(sub('00000000-0000-4000-8000-00000000000c', 'a@example.com'))).rejects.toThrow(/unique/i);
    await expect(q(`DELETE FROM "report_subscriptions" WHERE "id" = '${a}'`)).rejects.toThrow(/foreign key/i);
    // Down: the deleted reader goes with its rows, as a delete did before; the live one stays.
    // Without a transaction: TypeORM turns SQLite's foreign keys off for a revert only after it
    // has begun the transaction, where the PRAGMA does nothing, so a later migration's down that
    // rebuilds report_subscriptions (the instant CHECKs) would run into the log's RESTRICT key.
    for (let i = last; i < MIGRATIONS.length; i++)
      await dataSource.undoLastMigration({ transaction: 'none' });
    expect(await q(`SELECT "id" FROM "report_subscriptions"`)).toEqual([{ id: b }]);
    expect(await q(`SELECT "id" FROM "report_deliveries"`)).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    await q(`DELETE FROM "report_subscriptions"`);
  });

  it('revert one by one down to an empty schema, and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect((await tables()).filter((t) => t !== 'migrations')).toEqual([]);
    expect((await dataSource.runMigrations()).length).toBe(MIGRATIONS.length);
  });
});
