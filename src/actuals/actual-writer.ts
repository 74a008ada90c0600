import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { sqliteTransactionQueue } from '../infra/database/sqlite-transaction-queue.js';
import { Actual } from './actual.entity.js';
import type { ActualBuffer } from './actual-rows.js';
import { CITY_SCOPE_KEY } from './metric.js';

const COLUMNS = ['scopeKey', 'metric', 'date', 'scope', 'venueId', 'value', 'source', 'note', 'updatedAt'];
const CONFLICT = `ON CONFLICT ("scopeKey", "metric", "date") DO UPDATE SET ${COLUMNS.slice(3)
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(', ')}`;
const INSERT = `INSERT INTO "actuals" (${COLUMNS.map((c) => `"${c}"`).join(', ')})`;

/** Rows per multi-row statement on SQLite (9 parameters each, far below its limit). */
const SQLITE_ROWS = 200;
/** Rows per `unnest` statement on PostgreSQL. */
const POSTGRES_ROWS = 10_000;

/**
 * Writes buffered actuals as upserts on (scope, metric, date), all in one transaction: a later
 * row for the same day and scope replaces the earlier figure, in the file as in the table.
 *
 * SQLite: on the driver's own better-sqlite3 connection, in one synchronous transaction of
 * multi-row prepared upserts (nothing else can run in between, so no other request's query
 * joins the transaction on the shared connection; a million rows take a few seconds).
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
   */
  async write(buffer: ActualBuffer, now: Date, dirtyTargetIds: string[] = []): Promise<void> {
    if (!buffer.length) return;
    if (this.dataSource.options.type === 'postgres') await this.writePostgres(buffer, now, dirtyTargetIds);
    else await this.writeSqlite(buffer, now, dirtyTargetIds);
  }

  private async writeSqlite(buffer: ActualBuffer, now: Date, dirtyTargetIds: string[]): Promise<void> {
    const db = (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
      .databaseConnection;
    const updatedAt = this.dataSource.driver.preparePersistentValue(
      now,
      this.dataSource.getMetadata(Actual).findColumnWithPropertyName('updatedAt')!,
    ) as string;
    const statement = (rows: number) =>
      db.prepare(
        `${INSERT} VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ${CONFLICT}`,
      );
    const full = statement(Math.min(SQLITE_ROWS, buffer.length));
    const markDirty = dirtyTargetIds.length
      ? db.prepare(
          `UPDATE "targets" SET "inputsVersion" = "inputsVersion" + 1, "dirtySince" = COALESCE("dirtySince", ?) ` +
            `WHERE "id" IN (${dirtyTargetIds.map(() => '?').join(', ')})`,
        )
      : null;
    const n = buffer.length;
    // Alone on the shared connection: no other request's transaction is open meanwhile.
    await sqliteTransactionQueue(this.dataSource)!.exclusive(
      db.transaction(() => {
        const params: unknown[] = new Array(Math.min(SQLITE_ROWS, n) * COLUMNS.length);
        for (let start = 0; start < n; start += SQLITE_ROWS) {
          const count = Math.min(SQLITE_ROWS, n - start);
          const stmt = count === SQLITE_ROWS || start === 0 ? full : statement(count);
          if (params.length !== count * COLUMNS.length) params.length = count * COLUMNS.length;
          let p = 0;
          for (let i = start; i < start + count; i++) {
            const venueId = buffer.scopeTable[buffer.scopes[i]];
            params[p++] = venueId ?? CITY_SCOPE_KEY;
            params[p++] = buffer.metrics[i] === 0 ? 'visitors' : 'revenue';
            params[p++] = buffer.dateOf(buffer.days[i]);
            params[p++] = venueId === null ? 'city' : 'venue';
            params[p++] = venueId;
            params[p++] = buffer.values[i];
            params[p++] = buffer.sourceTable[buffer.sources[i]];
            params[p++] = buffer.notes.get(i) ?? null;
            params[p++] = updatedAt;
          }
          stmt.run(params);
        }
        markDirty?.run(updatedAt, ...dirtyTargetIds);
      }),
    );
  }

  private async writePostgres(buffer: ActualBuffer, now: Date, dirtyTargetIds: string[]): Promise<void> {
    const sql = `${INSERT} SELECT u.*, $9::timestamp FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::bigint[], $7::varchar[], $8::text[]) AS u ${CONFLICT}`;
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
