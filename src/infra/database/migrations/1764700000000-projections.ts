import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types.js';

const amounts = [
  'targetTotal',
  'actualToDate',
  'estimatedToDate',
  'pathToDate',
  'gap',
  'median',
  'lo80',
  'hi80',
  'lo95',
  'hi95',
];
const rates = ['neededDaily', 'neededWeekly', 'expectedDaily', 'expectedWeekly', 'contributionsTotal'];

/** Projection snapshots: one per (target, inputs version), headline columns and JSON details (issue 4). */
export class Projections1764700000000 implements MigrationInterface {
  name = 'Projections1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'projection_snapshots',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'targetId', type: t.id, length: '36' },
          { name: 'inputsVersion', type: 'integer' },
          { name: 'computedAt', type: t.instant },
          { name: 'asOf', type: 'varchar', length: '10', isNullable: true },
          { name: 'inputsHash', type: 'varchar', length: '64' },
          { name: 'durationMs', type: 'integer' },
          { name: 'method', type: 'varchar', length: '10' },
          { name: 'model', type: 'varchar', length: '200' },
          ...amounts.map((name) => ({ name, type: 'bigint' })),
          { name: 'probability', type: 'double precision' },
          { name: 'status', type: 'varchar', length: '10' },
          ...rates.map((name) => ({ name, type: 'bigint' })),
          { name: 'daysCounted', type: 'integer' },
          { name: 'daysRemaining', type: 'integer' },
          { name: 'contributions', type: 'text' },
          { name: 'daily', type: 'text' },
          { name: 'missingDates', type: 'text' },
          { name: 'revenuePerVisitor', type: 'text', isNullable: true },
          { name: 'notes', type: 'text' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['targetId'],
            referencedTableName: 'targets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        checks: [
          {
            name: 'CHK_projection_snapshots_status',
            expression: `"status" IN ('on_track', 'at_risk', 'off_track')`,
          },
          { name: 'CHK_projection_snapshots_method', expression: `"method" IN ('forecast', 'pace')` },
          {
            name: 'CHK_projection_snapshots_probability',
            expression: `"probability" >= 0 AND "probability" <= 1`,
          },
          {
            name: 'CHK_projection_snapshots_version',
            expression: `"inputsVersion" >= 1 AND "durationMs" >= 0`,
          },
        ],
        indices: [
          new TableIndex({
            name: 'UQ_projection_snapshots_target_version',
            columnNames: ['targetId', 'inputsVersion'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('projection_snapshots');
  }
}
