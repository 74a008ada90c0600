/**
 * CHECK constraints that keep invalid instants out of `datetime`/`timestamp` columns, whatever
 * path writes them (issue 10, item 1).
 *
 * SQLite stores a `Date` column as text: TypeORM writes `YYYY-MM-DD HH:MM:SS.SSS` (UTC) and the
 * `CURRENT_TIMESTAMP` / `datetime('now')` defaults write `YYYY-MM-DD HH:MM:SS`. The check holds a
 * value to one of those two forms and to a real date and time: `strftime` rewrites a valid value
 * to itself, normalises an impossible one (30 February) to another day, and gives NULL for text
 * that is no date at all (`0NaN-aN-aN aN:aN:aN.NaN`), so `IS` fails for both.
 *
 * PostgreSQL's `timestamp` refuses text that is no instant by itself; the check there keeps out
 * `infinity` and `-infinity`, which no code path means to store.
 *
 * TypeORM compares CHECK constraints by name only, so the entity declares the SQLite form and the
 * migration writes the form of the database it runs on (nothing here uses `synchronize`).
 */
export type InstantCheckDialect = 'sqlite' | 'postgres';

export function instantCheck(column: string, dialect: InstantCheckDialect): string {
  const c = `"${column}"`;
  return dialect === 'postgres'
    ? `isfinite(${c})`
    : `${c} IS strftime('%Y-%m-%d %H:%M:%f', ${c}) OR ${c} IS strftime('%Y-%m-%d %H:%M:%S', ${c})`;
}

/** The constraint's name for a table and column: `CHK_events_startsAt_instant`. */
export const instantCheckName = (table: string, column: string): string => `CHK_${table}_${column}_instant`;

/** Every instant column of `events`, each under its own CHECK. */
export const EVENT_INSTANT_COLUMNS = ['startsAt', 'endsAt', 'publishedAt', 'createdAt', 'updatedAt'] as const;
