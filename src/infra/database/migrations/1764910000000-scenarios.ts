import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types.js';

/** What-if scenarios, their changes and their stored projections (issue 9). */
export class Scenarios1764910000000 implements MigrationInterface {
  name = 'Scenarios1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'scenarios',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'createdById', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant },
        ],
      }),
    );
    const cascadeTo = (column: string, table: string) =>
      new TableForeignKey({
        columnNames: [column],
        referencedTableName: table,
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      });
    await queryRunner.createTable(
      new Table({
        name: 'scenario_changes',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'scenarioId', type: t.id, length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'action', type: 'varchar', length: '20' },
          { name: 'subjectType', type: 'varchar', length: '10', isNullable: true },
          { name: 'subjectId', type: t.id, length: '36', isNullable: true },
          { name: 'details', type: 'text' },
          { name: 'createdAt', type: t.instant, default: t.now },
        ],
        foreignKeys: [cascadeTo('scenarioId', 'scenarios')],
        indices: [
          new TableIndex({ name: 'IDX_scenario_changes_scenario', columnNames: ['scenarioId', 'seq'] }),
        ],
        checks: [
          {
            name: 'CHK_scenario_changes_action',
            expression: `"action" IN ('add_campaign', 'add_event', 'cancel', 'move', 'change')`,
          },
          {
            name: 'CHK_scenario_changes_subject',
            expression: `"subjectType" IS NULL OR "subjectType" IN ('campaign', 'event')`,
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scenario_projections',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'scenarioId', type: t.id, length: '36' },
          { name: 'targetId', type: t.id, length: '36' },
          { name: 'scenarioVersion', type: 'integer' },
          { name: 'inputsVersion', type: 'integer' },
          { name: 'computedAt', type: t.instant },
          { name: 'durationMs', type: 'integer' },
          { name: 'asOf', type: 'varchar', length: '10', isNullable: true },
          { name: 'targetTotal', type: 'bigint' },
          { name: 'official', type: 'text' },
          { name: 'withScenario', type: 'text' },
          { name: 'changes', type: 'text' },
          { name: 'notes', type: 'text' },
        ],
        foreignKeys: [cascadeTo('scenarioId', 'scenarios'), cascadeTo('targetId', 'targets')],
        indices: [
          new TableIndex({
            name: 'UQ_scenario_projections_version',
            columnNames: ['scenarioId', 'targetId', 'scenarioVersion', 'inputsVersion'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('scenario_projections');
    await queryRunner.dropTable('scenario_changes');
    await queryRunner.dropTable('scenarios');
  }
}
