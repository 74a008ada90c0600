import type { QueryRunner, ValueTransformer } from 'typeorm';

/**
 * Column types that differ between the two databases, for hand-written migrations. Entities
 * leave instants as `Date` (TypeORM maps it to `datetime` on SQLite and `timestamp` on
 * PostgreSQL, both holding UTC) so the same entity reads the same on both.
 */
export function columnTypes(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.options.type === 'postgres';
  return {
    id: 'varchar',
    instant: postgres ? 'timestamp' : 'datetime',
    bigint: postgres ? 'bigint' : 'integer',
    double: postgres ? 'double precision' : 'real',
    /** The default TypeORM gives `@CreateDateColumn()`, so migrations and entities agree. */
    now: postgres ? 'now()' : "datetime('now')",
  } as const;
}

/** Keeps yuan and other large integers as JS numbers (PostgreSQL BIGINT arrives as a string). */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
