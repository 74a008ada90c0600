import {
  Table,
  TableForeignKey,
  TableIndex,
  TableUnique,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { columnTypes } from '../column-types.js';

/** Weekly report: subscriptions, the delivery outbox, frozen weekly editions and per-install secrets. */
export class Reports1764600000000 implements MigrationInterface {
  name = 'Reports1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    const postgres = queryRunner.connection.options.type === 'postgres';
    // The entities' `default: () => 'CURRENT_TIMESTAMP'` of `updatedAt`, as TypeORM reads it back on
    // each database (it turns CURRENT_TIMESTAMP into now() on PostgreSQL); created-at defaults are
    // `t.now`, what `@CreateDateColumn()` expects.
    const currentTimestamp = postgres ? 'now()' : 'CURRENT_TIMESTAMP';
    // Boolean defaults as TypeORM writes the entities' `default: true/false` (1/0 on SQLite).
    const bool = (value: boolean) => (postgres ? String(value) : value ? '1' : '0');
    await queryRunner.createTable(
      new Table({
        name: 'report_subscriptions',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'email', type: 'varchar', length: '320', isUnique: true },
          { name: 'displayName', type: 'varchar', length: '200' },
          { name: 'language', type: 'varchar', length: '5' },
          { name: 'targetIds', type: 'text', isNullable: true },
          { name: 'active', type: 'boolean', default: bool(true) },
          { name: 'unsubscribedAt', type: t.instant, isNullable: true },
          { name: 'createdById', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant, default: currentTimestamp },
        ],
        checks: [{ name: 'CHK_report_subscriptions_language', expression: `"language" IN ('zh-CN', 'en')` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_deliveries',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'subscriptionId', type: t.id, length: '36' },
          { name: 'week', type: 'varchar', length: '8' },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'permanent', type: 'boolean', default: bool(false) },
          { name: 'attempts', type: 'integer', default: '0' },
          { name: 'lastError', type: 'text', isNullable: true },
          { name: 'messageId', type: 'varchar', length: '255' },
          { name: 'recipient', type: 'varchar', length: '320', isNullable: true },
          { name: 'claimToken', type: t.id, length: '36', isNullable: true },
          { name: 'claimedAt', type: t.instant, isNullable: true },
          { name: 'handedOverAt', type: t.instant, isNullable: true },
          { name: 'sentAt', type: t.instant, isNullable: true },
          { name: 'confirmed', type: 'boolean', isNullable: true },
          { name: 'smtpResponse', type: 'varchar', length: '500', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant, default: currentTimestamp },
        ],
        uniques: [
          new TableUnique({
            name: 'UQ_report_deliveries_subscription_week',
            columnNames: ['subscriptionId', 'week'],
          }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['subscriptionId'],
            referencedTableName: 'report_subscriptions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_report_deliveries_week_state', columnNames: ['week', 'state'] }),
        ],
        checks: [
          {
            name: 'CHK_report_deliveries_state',
            expression: `"state" IN ('pending', 'sending', 'sent', 'failed', 'skipped')`,
          },
          { name: 'CHK_report_deliveries_week', expression: `"week" LIKE '____-W__'` },
          { name: 'CHK_report_deliveries_attempts', expression: `"attempts" >= 0` },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_editions',
        columns: [
          { name: 'week', type: 'varchar', length: '8', isPrimary: true },
          { name: 'data', type: 'text' },
          { name: 'createdAt', type: t.instant, default: t.now },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'app_secrets',
        columns: [
          { name: 'name', type: 'varchar', length: '40', isPrimary: true },
          { name: 'value', type: 'varchar', length: '200' },
          { name: 'createdAt', type: t.instant, default: t.now },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('app_secrets');
    await queryRunner.dropTable('report_editions');
    await queryRunner.dropTable('report_deliveries');
    await queryRunner.dropTable('report_subscriptions');
  }
}
