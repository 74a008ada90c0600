import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types.js';

/** Measured effects of campaigns and events: one row per (item, scope, metric, inputs version) (issue 9). */
export class Effects1764950000000 implements MigrationInterface {
  name = 'Effects1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const date = (name: string) => ({ name, type: 'varchar', length: '10' });
    const amount = (name: string) => ({ name, type: 'bigint', isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'item_effects',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'itemType', type: 'varchar', length: '10' },
          { name: 'itemId', type: 'varchar', length: '36' },
          { name: 'year', type: 'integer' },
          { name: 'scope', type: 'varchar', length: '10' },
          { name: 'venueId', type: 'varchar', length: '36', isNullable: true },
          { name: 'metric', type: 'varchar', length: '10' },
          { name: 'inputsHash', type: 'varchar', length: '64' },
          { name: 'computedAt', type: t.instant },
          { name: 'revision', type: 'integer' },
          { name: 'verdict', type: 'varchar', length: '24' },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'method', type: 'varchar', length: '30', isNullable: true },
          date('windowStart'),
          date('windowEnd'),
          date('groupStart'),
          date('groupEnd'),
          amount('actual'),
          amount('counterfactual'),
          amount('groupEstimate'),
          { name: 'share', type: 'double precision', isNullable: true },
          amount('estimate'),
          amount('lo80'),
          amount('hi80'),
          amount('lo95'),
          amount('hi95'),
          { name: 'split', type: 'text' },
        ],
        checks: [
          { name: 'CHK_item_effects_item_type', expression: `"itemType" IN ('campaign', 'event')` },
          { name: 'CHK_item_effects_scope', expression: `"scope" IN ('city', 'venue')` },
          { name: 'CHK_item_effects_metric', expression: `"metric" IN ('visitors', 'revenue')` },
          {
            name: 'CHK_item_effects_verdict',
            expression: `"verdict" IN ('measured', 'no_effect_detectable', 'not_measurable')`,
          },
        ],
        indices: [
          new TableIndex({
            name: 'UQ_item_effects_version',
            columnNames: ['itemType', 'itemId', 'scope', 'metric', 'inputsHash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_item_effects_year', columnNames: ['year'] }),
          new TableIndex({ name: 'IDX_item_effects_item', columnNames: ['itemId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('item_effects');
  }
}
