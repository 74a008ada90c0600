import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Users carry a `version` like organizations, venues, funds and targets: it counts the edits an
 * admin makes to a user (name, role, organization); sent as `ETag`, checked against `If-Match`.
 * Signing in, password changes and invitations do not count: they are not the record the users
 * dialog edits.
 */
export class UserVersions1796240000000 implements MigrationInterface {
  name = 'UserVersions1796240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'version', type: 'integer', default: 1, isNullable: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'version');
  }
}
