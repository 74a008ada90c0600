import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
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
 *
 * A turn can also stand for a write made on another connection to the same file (a worker
 * thread's, see `writeElsewhere`): then reads of others keep running meanwhile, and only what
 * writes waits.
 */
export interface SqliteTransactionQueue {
  /** Runs `work` alone on the connection (no transaction of anyone else open meanwhile). */
  exclusive<T>(work: () => Promise<T> | T): Promise<T>;
  /**
   * Runs `work`, a write on ANOTHER connection to the same file that holds SQLite's write lock
   * until it commits, in a turn of its own: no transaction of this connection is open meanwhile,
   * and transactions, saves and every statement that writes wait (asynchronously) for its end.
   * Without that, a write here would meet the lock and busy-wait for it synchronously, stopping
   * the event loop. Statements that only read still run at once: in WAL mode they read the last
   * committed state while the other connection writes. Not callable inside a transaction of this
   * connection (the other connection would wait for it, and it for the other).
   */
  writeElsewhere<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `statement`, a synchronous read-only statement on the shared connection (a prepared
   * statement of the driver's own, without TypeORM's query runner), when a read through TypeORM
   * would run: at once, unless someone else's transaction is open (then after it).
   */
  read<T>(statement: (connection: BetterSqlite3.Database) => T): Promise<T>;
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

/** Read-only statements known by their SQL, at most this many (then forgotten and learnt again). */
const MAX_KNOWN_STATEMENTS = 1000;

function install(dataSource: DataSource): SqliteTransactionQueue {
  const context = new AsyncLocalStorage<symbol>();
  let owner: symbol | null = null;
  /** The turn in progress is a write elsewhere: read-only statements need not wait for it. */
  let readsRun = false;
  let tail: Promise<void> = Promise.resolve();

  const turn = async <T>(work: () => Promise<T> | T, elsewhere: boolean): Promise<T> => {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const token = Symbol('sqlite-transaction');
    owner = token;
    readsRun = elsewhere;
    try {
      return await context.run(token, work);
    } finally {
      owner = null;
      readsRun = false;
      release();
    }
  };

  const exclusive = async <T>(work: () => Promise<T> | T): Promise<T> => {
    if (owner && context.getStore() === owner) return work(); // already ours: nested
    return turn(work, false);
  };

  const writeElsewhere = async <T>(work: () => Promise<T>): Promise<T> => {
    if (owner && context.getStore() === owner)
      throw new Error('writeElsewhere() inside a transaction of the same connection would deadlock');
    return turn(work, true);
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

  const connection = () =>
    (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;

  // A read: a statement that returns rows and changes nothing (not BEGIN, which SQLite also
  // counts as read-only), as the connection itself tells once the statement is prepared.
  const readOnly = new Map<string, boolean>();
  const isRead = (sql: unknown): boolean => {
    if (typeof sql !== 'string') return false;
    let known = readOnly.get(sql);
    if (known === undefined) {
      try {
        const statement = connection().prepare(sql);
        known = statement.reader && statement.readonly;
      } catch {
        known = false; // not one statement, or wrong: it waits, and fails in its turn
      }
      if (readOnly.size >= MAX_KNOWN_STATEMENTS) readOnly.clear();
      readOnly.set(sql, known);
    }
    return known;
  };

  /**
   * Whether a statement of this async context waits: someone else's turn is open, and that turn
   * lets no reads through or the statement is no read.
   */
  const mustWait = (isReadStatement: () => boolean): boolean =>
    owner !== null && context.getStore() !== owner && !(readsRun && isReadStatement());

  const runner: QueryRunner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  (runner as { query: unknown }).query = async (...args: unknown[]) => {
    while (mustWait(() => isRead(args[0]))) await tail;
    return query(...args);
  };
  const read = async <T>(statement: (connection: BetterSqlite3.Database) => T): Promise<T> => {
    while (mustWait(() => true)) await tail;
    return statement(connection());
  };
  return { exclusive, writeElsewhere, read };
}
