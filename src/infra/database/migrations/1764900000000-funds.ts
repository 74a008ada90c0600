import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types.js';

// Frozen copy of the fund kinds at the time of this migration.
const FUND_KINDS = [
  'municipal_budget',
  'provincial_special',
  'district',
  'enterprise_cofunding',
  'sponsorship',
  'other',
];

/** Funds (pooled marketing money) and their allocations to campaigns (issue 9). */
export class Funds1764900000000 implements MigrationInterface {
  name = 'Funds1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'funds',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'year', type: 'integer' },
          { name: 'amountYuan', type: 'bigint' },
          { name: 'responsibleUnit', type: 'varchar', length: '200' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'createdById', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant },
        ],
        indices: [
          new TableIndex({ columnNames: ['year', 'kind'] }),
          new TableIndex({ columnNames: ['responsibleUnit'] }),
        ],
        checks: [
          {
            name: 'CHK_funds_kind',
            expression: `"kind" IN (${FUND_KINDS.map((k) => `'${k}'`).join(', ')})`,
          },
          { name: 'CHK_funds_amount', expression: `"amountYuan" >= 0` },
          { name: 'CHK_funds_year', expression: `"year" BETWEEN 2000 AND 2100` },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'fund_allocations',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'fundId', type: t.id, length: '36' },
          { name: 'campaignId', type: t.id, length: '36' },
          { name: 'amountYuan', type: 'bigint' },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['fundId'],
            referencedTableName: 'funds',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['campaignId'],
            referencedTableName: 'campaigns',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_fund_allocations_fund_campaign',
            columnNames: ['fundId', 'campaignId'],
            isUnique: true,
          }),
          new TableIndex({ columnNames: ['campaignId'] }),
        ],
        checks: [{ name: 'CHK_fund_allocations_amount', expression: `"amountYuan" > 0` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('fund_allocations');
    await queryRunner.dropTable('funds');
  }
}
