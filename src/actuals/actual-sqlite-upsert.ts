import type BetterSqlite3 from 'better-sqlite3';
import type { ActualColumns } from './actual-rows.js';
import { ACTUAL_COLUMNS, INSERT_ACTUALS, UPSERT_CONFLICT } from './actual-upsert-sql.js';
import { CITY_SCOPE_KEY } from './metric.js';

/** Rows per multi-row statement (9 parameters each, far below SQLite's limit). */
const ROWS_PER_STATEMENT = 200;

/**
 * Upserts the rows on a better-sqlite3 connection with multi-row prepared statements, then marks
 * `dirtyTargetIds` dirty (inputs version bumped). Synchronous, and opens no transaction: the caller
 * runs it inside one (on the app's connection for an in-memory database, or in the write thread).
 * `updatedAt`: the instant as the app's SQLite columns store it.
 */
export function upsertActualsSqlite(
  db: BetterSqlite3.Database,
  rows: ActualColumns,
  updatedAt: string,
  dirtyTargetIds: readonly string[],
): void {
  const n = rows.length;
  const statement = (count: number) =>
    db.prepare(
      `${INSERT_ACTUALS} VALUES ${Array(count).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ${UPSERT_CONFLICT}`,
    );
  const full = n ? statement(Math.min(ROWS_PER_STATEMENT, n)) : null;
  const params: unknown[] = new Array(Math.min(ROWS_PER_STATEMENT, n) * ACTUAL_COLUMNS.length);
  for (let start = 0; start < n; start += ROWS_PER_STATEMENT) {
    const count = Math.min(ROWS_PER_STATEMENT, n - start);
    const stmt = count === ROWS_PER_STATEMENT || start === 0 ? full! : statement(count);
    if (params.length !== count * ACTUAL_COLUMNS.length) params.length = count * ACTUAL_COLUMNS.length;
    let p = 0;
    for (let i = start; i < start + count; i++) {
      const venueId = rows.scopeTable[rows.scopes[i]];
      params[p++] = venueId ?? CITY_SCOPE_KEY;
      params[p++] = rows.metrics[i] === 0 ? 'visitors' : 'revenue';
      params[p++] = rows.dates.get(rows.days[i]);
      params[p++] = venueId === null ? 'city' : 'venue';
      params[p++] = venueId;
      params[p++] = rows.values[i];
      params[p++] = rows.sourceTable[rows.sources[i]];
      params[p++] = rows.notes.get(i) ?? null;
      params[p++] = updatedAt;
    }
    stmt.run(params);
  }
  if (dirtyTargetIds.length)
    db.prepare(
      `UPDATE "targets" SET "inputsVersion" = "inputsVersion" + 1, "dirtySince" = COALESCE("dirtySince", ?) ` +
        `WHERE "id" IN (${dirtyTargetIds.map(() => '?').join(', ')})`,
    ).run(updatedAt, ...dirtyTargetIds);
}
