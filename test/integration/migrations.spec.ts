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

  it('revert one by one down to an empty schema, and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect((await tables()).filter((t) => t !== 'migrations')).toEqual([]);
    expect((await dataSource.runMigrations()).length).toBe(MIGRATIONS.length);
  });
});
