import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Targets carry a `version` like organizations, venues and funds (ReferenceDataVersions): it
 * counts the target's own edits (`inputsVersion` still counts its inputs); sent as `ETag`,
 * checked against `If-Match`. A migration of its own: the one before it had already run on a
 * database when targets joined.
 */
export class TargetVersions1796150400000 implements MigrationInterface {
  name = 'TargetVersions1796150400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'targets',
      new TableColumn({ name: 'version', type: 'integer', default: 1, isNullable: false }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('targets', 'version');
  }
}
