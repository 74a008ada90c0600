import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { columnTypes } from '../column-types.js';

/** Console sign-in: passwords, sessions, invitations, the sign-in limit, and named API tokens. */
export class Accounts1764800000000 implements MigrationInterface {
  name = 'Accounts1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'passwordHash', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'passwordSetAt', type: t.instant, isNullable: true }),
      new TableColumn({ name: 'lastSignInAt', type: t.instant, isNullable: true }),
    ]);
    await queryRunner.addColumn(
      'api_tokens',
      new TableColumn({ name: 'name', type: 'varchar', length: '100', isNullable: true }),
    );
    const userFk = () =>
      new TableForeignKey({
        columnNames: ['userId'],
        referencedTableName: 'users',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      });
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'userId', type: t.id, length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          { name: 'csrfToken', type: 'varchar', length: '64' },
          { name: 'createdAt', type: t.instant },
          { name: 'lastSeenAt', type: t.instant },
          { name: 'expiresAt', type: t.instant },
        ],
        foreignKeys: [userFk()],
        indices: [
          new TableIndex({ columnNames: ['userId'] }),
          new TableIndex({ columnNames: ['expiresAt'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invitations',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'userId', type: t.id, length: '36' },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          { name: 'createdAt', type: t.instant },
          { name: 'expiresAt', type: t.instant },
          { name: 'usedAt', type: t.instant, isNullable: true },
        ],
        foreignKeys: [userFk()],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sign_in_failures',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'key', type: 'varchar', length: '400' },
          { name: 'at', type: t.instant },
        ],
        indices: [new TableIndex({ columnNames: ['key', 'at'] }), new TableIndex({ columnNames: ['at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_in_failures');
    await queryRunner.dropTable('invitations');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropColumn('api_tokens', 'name');
    await queryRunner.dropColumns('users', ['lastSignInAt', 'passwordSetAt', 'passwordHash']);
  }
}
