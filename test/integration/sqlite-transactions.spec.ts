import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../src/common/config/app-config.js';
import { dataSourceOptions } from '../../src/infra/database/data-source-options.js';
import { newId } from '../../src/infra/database/new-id.js';
import { sqliteTransactionQueue } from '../../src/infra/database/sqlite-transaction-queue.js';
import { Organization } from '../../src/organizations/organization.entity.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

/**
 * SQLite runs every request on one shared connection; concurrent transactions must take turns
 * and a statement of one request must never end up inside another's transaction. (PostgreSQL has a
 * pool: there the same code needs nothing, and the queue is not installed.)
 */
describe('concurrent transactions on the database of this run', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(parseDatabaseUrl(db.url))).initialize();
    sqliteTransactionQueue(dataSource);
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const org = (name: string) => ({ id: newId(), name, kind: 'other' as const });
  /** A transaction that inserts an organization, holds it uncommitted for a while, and rolls back. */
  const rolledBack = (name: string) =>
    dataSource.transaction(async (manager) => {
      await manager.insert(Organization, org(name));
      await pause();
      await pause();
      throw new Error('rollback');
    });

  it('runs 20 interleaving transactions without a collision, each all or nothing', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        dataSource.transaction(async (manager) => {
          await manager.insert(Organization, org(`tx ${i} a`));
          await pause();
          await manager.insert(Organization, org(`tx ${i} b`));
          if (i % 5 === 0) throw new Error(`rollback ${i}`);
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([
      'Error: rollback 0',
      'Error: rollback 5',
      'Error: rollback 10',
      'Error: rollback 15',
    ]);
    const names = (await dataSource.getRepository(Organization).find())
      .map((o) => o.name)
      .filter((n) => n.startsWith('tx '));
    expect(names).toHaveLength(16 * 2);
    expect(names.some((n) => /^tx (0|5|10|15) /.test(n))).toBe(false);
  });

  it('keeps a statement of another request out of a transaction that rolls back', async () => {
    const repo = dataSource.getRepository(Organization);
    const failing = rolledBack('doomed');
    await pause();
    await repo.insert(org('independent'));
    await repo.save(repo.create(org('saved alongside')));
    await expect(failing).rejects.toThrow('rollback');
    expect(await repo.existsBy({ name: 'independent' })).toBe(true);
    expect(await repo.existsBy({ name: 'saved alongside' })).toBe(true);
    expect(await repo.existsBy({ name: 'doomed' })).toBe(false);
  });

  // Writes made elsewhere (another connection to the same file) are SQLite's: the queue is not
  // installed on PostgreSQL.
  (process.env.DATABASE_URL?.startsWith('postgres') ? it.skip : it)(
    'lets reads through a write made elsewhere, and holds writes and transactions until it ends',
    async () => {
      const queue = sqliteTransactionQueue(dataSource)!;
      const repo = dataSource.getRepository(Organization);
      const done: string[] = [];
      let finish!: () => void;
      const elsewhere = queue.writeElsewhere(async () => {
        await new Promise<void>((resolve) => (finish = resolve));
        done.push('elsewhere');
      });
      await pause();
      const insert = repo.insert(org('written after')).then(() => done.push('insert'));
      const transaction = dataSource
        .transaction((manager) => manager.insert(Organization, org('transaction after')))
        .then(() => done.push('transaction'));
      expect(await repo.existsBy({ name: 'written after' })).toBe(false); // a read: answered now
      done.push('read');
      await pause();
      finish();
      await Promise.all([elsewhere, insert, transaction]);
      expect(done.slice(0, 2)).toEqual(['read', 'elsewhere']);
      expect(await repo.existsBy({ name: 'written after' })).toBe(true);
      expect(await repo.existsBy({ name: 'transaction after' })).toBe(true);
      await expect(dataSource.transaction(() => queue.writeElsewhere(async () => 1))).rejects.toThrow(
        /would deadlock/,
      );
    },
  );

  (process.env.DATABASE_URL?.startsWith('postgres') ? it.skip : it)(
    "runs a statement of the driver's own at once, but never inside another's open transaction",
    async () => {
      const queue = sqliteTransactionQueue(dataSource)!;
      const count = (name: string) =>
        queue.read(
          (connection) =>
            (
              connection.prepare('SELECT COUNT(*) AS n FROM "organizations" WHERE "name" = ?').get(name) as {
                n: number;
              }
            ).n,
        );
      expect(await count('nobody')).toBe(0);
      const failing = rolledBack('uncommitted');
      await pause();
      // Asked while the transaction holds its uncommitted row: answered after it, without it.
      const during = count('uncommitted');
      await expect(failing).rejects.toThrow('rollback');
      expect(await during).toBe(0);
      // Inside its own transaction, a statement sees that transaction's rows.
      await dataSource.transaction(async (manager) => {
        await manager.insert(Organization, org('mine'));
        expect(await count('mine')).toBe(1);
      });
    },
  );
});
