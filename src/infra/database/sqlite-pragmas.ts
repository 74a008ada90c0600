/** Milliseconds a SQLite connection waits for another's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * The settings of every connection to the app's SQLite file: the app's own (see
 * data-source-options.ts) and the actuals write thread's. WAL mode is a property of the file, set
 * by the app's connection (`enableWAL`). No imports: the write thread loads this file alone.
 */
export function applySqlitePragmas(conn: { pragma(source: string): unknown }): void {
  conn.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  conn.pragma('foreign_keys = ON');
  conn.pragma('synchronous = NORMAL');
}
