import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The tables whose rows gain a version: what admins and planners edit in the console's dialogs. */
const TABLES = ['organizations', 'venues', 'funds'] as const;

/**
 * Organizations, venues and funds carry a `version`, bumped on every change, like campaigns and
 * events: their answers send it as `ETag` and their writes honour `If-Match` (412 on another
 * version), so two people editing the same row no longer overwrite each other unseen. Existing
 * rows start at version 1.
 */
export class ReferenceDataVersions1796146464123 implements MigrationInterface {
  name = 'ReferenceDataVersions1796146464123';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'version', type: 'integer', default: 1, isNullable: false }),
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.dropColumn(table, 'version');
  }
}
