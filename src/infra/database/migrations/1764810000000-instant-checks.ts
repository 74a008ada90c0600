import { TableCheck, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  dropInstantChecks,
  EVENT_INSTANT_COLUMNS,
  instantCheck,
  instantCheckName,
} from '../instant-check.js';

const TABLE = 'events';

/**
 * The database refuses an invalid instant in `events` (issue 10, item 1): a CHECK per instant
 * column, in the form of the database it runs on. Rows that break it (stored before the strict
 * date-time parser) stop the migration with their ids, to be corrected by hand first.
 */
export class InstantChecks1764810000000 implements MigrationInterface {
  name = 'InstantChecks1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const checks = EVENT_INSTANT_COLUMNS.map(
      (column) =>
        new TableCheck({
          name: instantCheckName(TABLE, column),
          expression: instantCheck(column, dialect),
        }),
    );
    const broken = (await queryRunner.query(
      `SELECT "id" FROM "${TABLE}" WHERE NOT (${checks.map((c) => `(${c.expression})`).join(' AND ')})`,
    )) as { id: string }[];
    if (broken.length) {
      throw new Error(
        `${broken.length} event(s) hold an invalid instant (startsAt, endsAt, publishedAt, createdAt or updatedAt); correct them first: ${broken
          .slice(0, 20)
          .map((r) => r.id)
          .join(', ')}`,
      );
    }
    // One at a time: createCheckConstraints runs them concurrently on one PostgreSQL connection.
    for (const check of checks) await queryRunner.createCheckConstraint(TABLE, check);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropInstantChecks(queryRunner, TABLE, EVENT_INSTANT_COLUMNS);
  }
}
