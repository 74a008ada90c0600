import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types.js';

/** Organizations, users with one role each, and hashed API tokens. */
export class Platform1764300000000 implements MigrationInterface {
  name = 'Platform1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200', isUnique: true },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'createdAt', type: t.instant, default: t.now },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'email', type: 'varchar', length: '320', isNullable: true, isUnique: true },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'organizationId', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['organizationId'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
        checks: [{ expression: `"role" IN ('admin', 'planner', 'organizer', 'viewer')` }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'userId', type: t.id, length: '36' },
          { name: 'purpose', type: 'varchar', length: '20' },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'lastUsedAt', type: t.instant, isNullable: true },
          { name: 'revokedAt', type: t.instant, isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_tokens');
    await queryRunner.dropTable('users');
    await queryRunner.dropTable('organizations');
  }
}
