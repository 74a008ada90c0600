import {
  TableColumn,
  TableForeignKey,
  TableIndex,
  TableUnique,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { columnTypes } from '../column-types.js';

const EMAIL_INDEX = new TableIndex({
  name: 'UQ_report_subscriptions_email',
  columnNames: ['email'],
  isUnique: true,
  where: '"deletedAt" IS NULL',
});

/**
 * Issue 11: report subscriptions are soft-deleted (`deletedAt`) so their delivery log keeps its
 * history. The address is unique among live subscriptions only (a partial index), so a deleted
 * reader can subscribe again, and the log's foreign key no longer cascades: it refuses a delete
 * that would erase history. On SQLite TypeORM rebuilds the two tables (foreign keys are off while
 * migrations run); on PostgreSQL these are plain ALTERs.
 */
export class SoftDeleteSubscriptions1796033561334 implements MigrationInterface {
  name = 'SoftDeleteSubscriptions1796033561334';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumn(
      'report_subscriptions',
      new TableColumn({ name: 'deletedAt', type: t.instant, isNullable: true }),
    );
    await this.setEmailUnique(queryRunner, false);
    await queryRunner.createIndex('report_subscriptions', EMAIL_INDEX);
    await this.setDeliveryForeignKey(queryRunner, 'RESTRICT');
  }

  /** Back to one row per address: deleted subscriptions and their delivery rows are erased, as a delete did before. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await this.setDeliveryForeignKey(queryRunner, 'CASCADE');
    const deleted = `SELECT "id" FROM "report_subscriptions" WHERE "deletedAt" IS NOT NULL`;
    await queryRunner.query(`DELETE FROM "report_deliveries" WHERE "subscriptionId" IN (${deleted})`);
    await queryRunner.query(`DELETE FROM "report_subscriptions" WHERE "deletedAt" IS NOT NULL`);
    await queryRunner.dropIndex('report_subscriptions', EMAIL_INDEX.name!);
    await this.setEmailUnique(queryRunner, true);
    await queryRunner.dropColumn('report_subscriptions', 'deletedAt');
  }

  /** The address's table-wide unique constraint (named as TypeORM names a column's `unique: true`). */
  private async setEmailUnique(queryRunner: QueryRunner, unique: boolean): Promise<void> {
    const table = (await queryRunner.getTable('report_subscriptions'))!;
    if (unique) {
      const name = queryRunner.connection.namingStrategy.uniqueConstraintName(table, ['email']);
      await queryRunner.createUniqueConstraint(table, new TableUnique({ name, columnNames: ['email'] }));
      return;
    }
    const current = table.uniques.find((u) => u.columnNames.join() === 'email');
    if (current) await queryRunner.dropUniqueConstraint(table, current);
  }

  private async setDeliveryForeignKey(
    queryRunner: QueryRunner,
    onDelete: 'RESTRICT' | 'CASCADE',
  ): Promise<void> {
    const table = await queryRunner.getTable('report_deliveries');
    const current = table!.foreignKeys.find((fk) => fk.columnNames.join() === 'subscriptionId');
    if (current) await queryRunner.dropForeignKey(table!, current);
    await queryRunner.createForeignKey(
      'report_deliveries',
      new TableForeignKey({
        columnNames: ['subscriptionId'],
        referencedTableName: 'report_subscriptions',
        referencedColumnNames: ['id'],
        onDelete,
      }),
    );
  }
}
