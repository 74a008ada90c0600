import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Frozen copies of the enums at the time of this migration (a later change needs its own migration).
const METRICS = ['visitors', 'revenue'];
const HOLIDAY_KEYS = [
  'new_year',
  'spring_festival',
  'qingming',
  'may_day',
  'dragon_boat',
  'mid_autumn',
  'national_day',
  'other',
];

// Integers and doubles use the entities' own type names on both databases ('bigint' and
// 'double precision' have INTEGER and REAL affinity on SQLite), so the schema matches them.

/** A scope is the city (no venue, key `city`) or one venue (key = its id). */
const SCOPE_CHECK = `("scope" = 'city' AND "venueId" IS NULL AND "scopeKey" = 'city') OR ("scope" = 'venue' AND "venueId" IS NOT NULL AND "scopeKey" = "venueId")`;

/** Daily actuals, yearly targets with their projection bookkeeping, and holiday overrides (issue 4). */
export class Targets1764500000000 implements MigrationInterface {
  name = 'Targets1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'actuals',
        columns: [
          { name: 'scopeKey', type: t.id, length: '36', isPrimary: true },
          { name: 'metric', type: 'varchar', length: '10', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'scope', type: 'varchar', length: '10' },
          { name: 'venueId', type: t.id, length: '36', isNullable: true },
          { name: 'value', type: 'bigint' },
          { name: 'source', type: 'varchar', length: '100' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'updatedAt', type: t.instant },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['venueId'],
            referencedTableName: 'venues',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
        checks: [
          { name: 'CHK_actuals_metric', expression: `"metric" IN (${list(METRICS)})` },
          { name: 'CHK_actuals_scope', expression: SCOPE_CHECK },
          { name: 'CHK_actuals_value', expression: `"value" >= 0` },
          { name: 'CHK_actuals_date', expression: `length("date") = 10` },
        ],
        indices: [new TableIndex({ name: 'IDX_actuals_venue', columnNames: ['venueId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'targets',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'year', type: 'integer' },
          { name: 'metric', type: 'varchar', length: '10' },
          { name: 'scope', type: 'varchar', length: '10' },
          { name: 'venueId', type: t.id, length: '36', isNullable: true },
          { name: 'scopeKey', type: t.id, length: '36' },
          { name: 'baselineYear', type: 'integer' },
          { name: 'growthRate', type: 'double precision' },
          { name: 'enteredTotal', type: 'bigint', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'inputsVersion', type: 'integer', default: 1 },
          { name: 'dirtySince', type: t.instant, isNullable: true },
          { name: 'projectedVersion', type: 'integer', default: 0 },
          { name: 'createdById', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant, default: t.now },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['venueId'],
            referencedTableName: 'venues',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
          new TableForeignKey({
            columnNames: ['createdById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        checks: [
          { name: 'CHK_targets_metric', expression: `"metric" IN (${list(METRICS)})` },
          { name: 'CHK_targets_scope', expression: SCOPE_CHECK },
          {
            name: 'CHK_targets_years',
            expression: `"baselineYear" < "year" AND "year" BETWEEN 2000 AND 2100`,
          },
          { name: 'CHK_targets_growth', expression: `"growthRate" > -1 AND "growthRate" <= 10` },
          { name: 'CHK_targets_total', expression: `"enteredTotal" IS NULL OR "enteredTotal" > 0` },
          { name: 'CHK_targets_versions', expression: `"projectedVersion" <= "inputsVersion"` },
        ],
        indices: [
          new TableIndex({
            name: 'UQ_targets_year_metric_scope',
            columnNames: ['year', 'metric', 'scopeKey'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_targets_venue', columnNames: ['venueId'] }),
          new TableIndex({ name: 'IDX_targets_dirty', columnNames: ['dirtySince'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'holiday_overrides',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'date', type: 'varchar', length: '10', isUnique: true },
          { name: 'year', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'holiday', type: 'varchar', length: '20' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'createdById', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['createdById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        checks: [
          { name: 'CHK_holiday_overrides_kind', expression: `"kind" IN ('holiday', 'workday')` },
          { name: 'CHK_holiday_overrides_holiday', expression: `"holiday" IN (${list(HOLIDAY_KEYS)})` },
          {
            name: 'CHK_holiday_overrides_year',
            expression: `"year" = CAST(substr("date", 1, 4) AS INTEGER)`,
          },
        ],
        indices: [new TableIndex({ name: 'IDX_holiday_overrides_year', columnNames: ['year'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('holiday_overrides');
    await queryRunner.dropTable('targets');
    await queryRunner.dropTable('actuals');
  }
}
