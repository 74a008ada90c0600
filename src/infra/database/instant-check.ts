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
 * TypeORM compares CHECK constraints by name only, so the entities declare the SQLite form (see
 * declareInstantChecks) and the migrations write the form of the database they run on (nothing
 * here uses `synchronize`).
 */
import { getMetadataArgsStorage, TableCheck, type QueryRunner } from 'typeorm';

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

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity targets
type EntityClass = Function;

const INSTANT_MODES = new Set(['createDate', 'updateDate', 'deleteDate']);

/**
 * Every instant column of the entities: `@CreateDateColumn`, `@UpdateDateColumn` and
 * `@Column({ type: Date })`, with its table.
 */
export function instantColumnsOf(
  entities: readonly EntityClass[],
): { table: string; column: string; target: EntityClass }[] {
  const storage = getMetadataArgsStorage();
  return entities.flatMap((target) => {
    const table = storage.tables.find((t) => t.target === target)?.name;
    if (!table) throw new Error(`${target.name} has no @Entity table name`);
    return storage.columns
      .filter((c) => c.target === target && (INSTANT_MODES.has(c.mode) || c.options.type === Date))
      .map((c) => ({ table, column: c.options.name ?? c.propertyName, target }));
  });
}

/**
 * Declares on the entities a CHECK for each of their instant columns, as a `@Check` would, so the
 * schema the entities describe has one per column and a new instant column without its
 * migration shows up as a pending schema change (test/integration/migrations.spec.ts).
 */
export function declareInstantChecks(entities: readonly EntityClass[]): void {
  const storage = getMetadataArgsStorage();
  for (const { target, table, column } of instantColumnsOf(entities)) {
    const name = instantCheckName(table, column);
    if (storage.checks.some((c) => c.target === target && c.name === name)) continue;
    storage.checks.push({ target, name, expression: instantCheck(column, 'sqlite') });
  }
}

/**
 * Adds the instant CHECKs of `columns` to `table`, in the form of the database the migration runs
 * on. Rows that break one stop the migration with their ids, to be corrected by hand first.
 */
export async function addInstantChecks(
  queryRunner: QueryRunner,
  table: string,
  columns: readonly string[],
): Promise<void> {
  const dialect = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
  const checks = columns.map((column) => ({
    name: instantCheckName(table, column),
    expression: instantCheck(column, dialect),
  }));
  const broken = (await queryRunner.query(
    `SELECT 1 FROM "${table}" WHERE NOT (${checks.map((c) => `(${c.expression})`).join(' AND ')})`,
  )) as unknown[];
  if (broken.length) {
    throw new Error(
      `${broken.length} row(s) of ${table} hold an invalid instant (${columns.join(', ')}); correct them first`,
    );
  }
  // One at a time: TypeORM's createCheckConstraints runs them with Promise.all on the migration's
  // one PostgreSQL connection.
  for (const check of checks) await queryRunner.createCheckConstraint(table, new TableCheck(check));
}

/** Drops the instant CHECKs of `columns` from `table`. */
export async function dropInstantChecks(
  queryRunner: QueryRunner,
  table: string,
  columns: readonly string[],
): Promise<void> {
  const found = await queryRunner.getTable(table);
  if (!found) return;
  const names = new Set(columns.map((column) => instantCheckName(table, column)));
  for (const check of found.checks.filter((c) => c.name && names.has(c.name)))
    await queryRunner.dropCheckConstraint(found, check);
}
