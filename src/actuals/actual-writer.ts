import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { ConflictError, UnavailableError } from '../common/errors/domain-error.js';
import { constraintViolation } from '../infra/database/constraint-violation.js';
import { sqliteTransactionQueue } from '../infra/database/sqlite-transaction-queue.js';
import { Actual } from './actual.entity.js';
import type { ActualBuffer } from './actual-rows.js';
import { upsertActualsSqlite } from './actual-sqlite-upsert.js';
import { INSERT_ACTUALS, UPSERT_CONFLICT } from './actual-upsert-sql.js';
import { writeActualsInThread } from './actual-thread-writer.js';
import { CITY_SCOPE_KEY } from './metric.js';

/** Rows per `unnest` statement on PostgreSQL. */
const POSTGRES_ROWS = 10_000;
/**
 * Fewer rows than this are written on SQLite's shared connection at once (a few milliseconds of
 * event loop at most, less than starting a thread); more in a worker thread.
 */
export const SQLITE_THREAD_MIN_ROWS = 5_000;

/**
 * Writes buffered actuals as upserts on (scope, metric, date), all in one transaction: a later
 * row for the same day and scope replaces the earlier figure, in the file as in the table.
 *
 * SQLite, large writes: in a worker thread on a connection of its own to the same file, in one
 * `BEGIN IMMEDIATE` transaction of multi-row prepared upserts (a million rows take seconds, which
 * this thread's event loop spends serving other requests). Meanwhile the shared connection keeps
 * answering reads (WAL), and its writes and transactions wait for the commit (see
 * `writeElsewhere`). Small writes, and any write to an in-memory database (which exists on the
 * shared connection only, so no thread can open it), run on the shared connection in one
 * synchronous transaction, alone there.
 * PostgreSQL: on a dedicated connection, `INSERT ... SELECT FROM unnest(arrays)` per 10,000
 * rows (duplicates within one statement are reduced to the last one first, as PostgreSQL
 * refuses to update a row twice in one statement).
 */
@Injectable()
export class ActualWriter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * `dirtyTargetIds`: the targets these rows can move, marked dirty (inputs version bumped) in
   * the same transaction as the rows, so a crash after the commit cannot lose their rebuild.
   * A database constraint that fails (a venue deleted while the file was read) rolls all of it
   * back and is a ConflictError; a SQLite write lock held elsewhere past the busy timeout, a 503.
   */
  async write(buffer: ActualBuffer, now: Date, dirtyTargetIds: string[] = []): Promise<void> {
    if (!buffer.length) return;
    try {
      if (this.dataSource.options.type === 'postgres') await this.writePostgres(buffer, now, dirtyTargetIds);
      else await this.writeSqlite(buffer, now, dirtyTargetIds);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
        // Another process held the database's write lock past the busy timeout.
        throw new UnavailableError(
          'unavailable',
          'The database is busy with another write; no row was written. Send them again in a moment.',
        );
      }
      const violation = constraintViolation(error);
      if (!violation) throw error;
      throw new ConflictError(
        'concurrent_change',
        `No row was written: the database refused them (${violation.replace('_', ' ')} constraint: ${
          (error as Error).message
        }), most likely because a venue was deleted while the rows were read. Nothing changed; send them again.`,
        { constraint: violation },
      );
    }
  }

  private async writeSqlite(buffer: ActualBuffer, now: Date, dirtyTargetIds: string[]): Promise<void> {
    const db = (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
      .databaseConnection;
    const updatedAt = this.dataSource.driver.preparePersistentValue(
      now,
      this.dataSource.getMetadata(Actual).findColumnWithPropertyName('updatedAt')!,
    ) as string;
    const queue = sqliteTransactionQueue(this.dataSource)!;
    const rows = buffer.takeColumns();
    // An in-memory database lives on this connection only: no thread can open it, so its writes
    // stay here, synchronous (the event loop waits for them), whatever their size.
    if (db.memory || buffer.length < SQLITE_THREAD_MIN_ROWS) {
      // Alone on the shared connection: no other request's transaction is open meanwhile.
      await queue.exclusive(db.transaction(() => upsertActualsSqlite(db, rows, updatedAt, dirtyTargetIds)));
      return;
    }
    await queue.writeElsewhere(() =>
      writeActualsInThread({ file: db.name, rows, updatedAt, dirtyTargetIds }),
    );
  }

  private async writePostgres(buffer: ActualBuffer, now: Date, dirtyTargetIds: string[]): Promise<void> {
    const sql = `${INSERT_ACTUALS} SELECT u.*, $9::timestamp FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::bigint[], $7::varchar[], $8::text[]) AS u ${UPSERT_CONFLICT}`;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      for (let start = 0; start < buffer.length; start += POSTGRES_ROWS) {
        const end = Math.min(start + POSTGRES_ROWS, buffer.length);
        // The last row of each (scope, metric, day) within the statement.
        const last = new Map<string, number>();
        for (let i = start; i < end; i++)
          last.set(`${buffer.scopes[i]}:${buffer.metrics[i]}:${buffer.days[i]}`, i);
        const columns: unknown[][] = [[], [], [], [], [], [], [], []];
        for (const i of last.values()) {
          const venueId = buffer.scopeTable[buffer.scopes[i]];
          columns[0].push(venueId ?? CITY_SCOPE_KEY);
          columns[1].push(buffer.metrics[i] === 0 ? 'visitors' : 'revenue');
          columns[2].push(buffer.dateOf(buffer.days[i]));
          columns[3].push(venueId === null ? 'city' : 'venue');
          columns[4].push(venueId);
          columns[5].push(buffer.values[i]);
          columns[6].push(buffer.sourceTable[buffer.sources[i]]);
          columns[7].push(buffer.notes.get(i) ?? null);
        }
        await runner.query(sql, [...columns, now]);
      }
      // One row per statement, in id order (as ProjectionInputs.markTargets: no deadlock).
      for (const id of [...dirtyTargetIds].sort()) {
        await runner.query(
          `UPDATE "targets" SET "inputsVersion" = "inputsVersion" + 1, "dirtySince" = COALESCE("dirtySince", $1) WHERE "id" = $2`,
          [now, id],
        );
      }
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
