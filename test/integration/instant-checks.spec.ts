import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../src/common/config/app-config.js';
import { dataSourceOptions } from '../../src/infra/database/data-source-options.js';
import { ENTITIES } from '../../src/infra/database/entities.js';
import { instantCheckName, instantColumnsOf } from '../../src/infra/database/instant-check.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Issue 10, item 1: the database itself refuses an invalid stored instant, in every instant
 * column of every table, on SQLite and PostgreSQL alike, whatever path writes it.
 */
describe('instant CHECK constraints', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const p = (i: number) => (db.kind === 'postgres' ? `$${i}` : '?');

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(parseDatabaseUrl(db.url))).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('exist for every instant column of every table', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const columns = instantColumnsOf(ENTITIES);
      expect(columns.length).toBeGreaterThan(40);
      const tables = await runner.getTables([...new Set(columns.map((c) => c.table))]);
      const declared = new Set(tables.flatMap((t) => t.checks.map((c) => `${t.name}:${c.name}`)));
      const missing = columns.filter(
        ({ table, column }) => !declared.has(`${table}:${instantCheckName(table, column)}`),
      );
      expect(missing).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  // Impossible instants in the forms each database would otherwise take as text or as a value.
  const invalid = () =>
    db.kind === 'postgres'
      ? ['infinity', '-infinity']
      : ['0NaN-aN-aN aN:aN:aN.NaN', '2022-02-30 10:00:00.000', '2022-11-01T09:00+99:00', 'soon'];
  const valid = '2022-11-01 01:00:00.000';

  it('refuse a raw insert of an invalid instant, and take a valid one', async () => {
    let n = 0;
    const insertFailure = (at: string) =>
      dataSource.query(
        `INSERT INTO "sign_in_failures" ("id", "key", "at") VALUES (${p(1)}, ${p(2)}, ${p(3)})`,
        [`f${++n}`, 'account:a@example.org', at],
      );
    const insertOrganization = (createdAt: string) =>
      dataSource.query(
        `INSERT INTO "organizations" ("id", "name", "kind", "createdAt") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`,
        [`o${++n}`, `Organization ${n}`, 'tourism_bureau', createdAt],
      );
    for (const value of invalid()) {
      await expect(insertFailure(value)).rejects.toThrow(/CHK_sign_in_failures_at_instant/);
      await expect(insertOrganization(value)).rejects.toThrow(/CHK_organizations_createdAt_instant/);
    }
    await insertFailure(valid);
    await insertOrganization(valid);
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM "sign_in_failures"`);
    expect(Number(row.n)).toBe(1);
  });

  it('refuse a raw update to an invalid instant', async () => {
    for (const value of invalid()) {
      await expect(
        dataSource.query(`UPDATE "organizations" SET "createdAt" = ${p(1)}`, [value]),
      ).rejects.toThrow(/CHK_organizations_createdAt_instant/);
    }
  });
});
