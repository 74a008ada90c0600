import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * TypeORM's SQLite drivers run every request on ONE shared connection (one query runner). Two
 * requests that open transactions at the same time then collide ("cannot start a transaction
 * within a transaction", a wrong savepoint), and a statement of one request can land inside
 * another's open transaction and be rolled back with it. PostgreSQL has a pool and none of this.
 *
 * On SQLite this queue makes transactions take turns: `manager.transaction()` (and therefore
 * `dataSource.transaction()`) waits for the one in progress, and runs its callback in an async
 * context that marks it as the owner; while a transaction is open, statements of anyone else wait
 * until it ends. Saves and removes outside a transaction, which TypeORM wraps in a transaction of
 * its own, go through the same queue. Nested transactions of the owner run as savepoints as usual.
 */
export interface SqliteTransactionQueue {
  /** Runs `work` alone on the connection (no transaction of anyone else open meanwhile). */
  exclusive<T>(work: () => Promise<T> | T): Promise<T>;
}

const QUEUES = new WeakMap<DataSource, SqliteTransactionQueue>();

/** The queue of a SQLite data source, installed on first use; null for other databases. */
export function sqliteTransactionQueue(dataSource: DataSource): SqliteTransactionQueue | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  let queue = QUEUES.get(dataSource);
  if (!queue) {
    queue = install(dataSource);
    QUEUES.set(dataSource, queue);
  }
  return queue;
}

function install(dataSource: DataSource): SqliteTransactionQueue {
  const context = new AsyncLocalStorage<symbol>();
  let owner: symbol | null = null;
  let tail: Promise<void> = Promise.resolve();

  const exclusive = async <T>(work: () => Promise<T> | T): Promise<T> => {
    if (owner && context.getStore() === owner) return work(); // already ours: nested
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const token = Symbol('sqlite-transaction');
    owner = token;
    try {
      return await context.run(token, work);
    } finally {
      owner = null;
      release();
    }
  };

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  (manager as { transaction: unknown }).transaction = (...args: unknown[]) =>
    exclusive(() => transaction(...args));
  for (const method of ['save', 'remove', 'softRemove', 'recover'] as const) {
    const original = (manager[method] as (...args: unknown[]) => Promise<unknown>).bind(manager);
    (manager as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      exclusive(() => original(...args));
  }

  const runner: QueryRunner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  (runner as { query: unknown }).query = async (...args: unknown[]) => {
    while (owner && context.getStore() !== owner) await tail;
    return query(...args);
  };
  return { exclusive };
}
