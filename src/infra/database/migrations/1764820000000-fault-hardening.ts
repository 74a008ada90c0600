import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10 (faults): `events.approvedPlan`, the last approved dates, venue and attendance of an
 * event back in `submitted` after a change, which projections keep counting until the decision.
 * Plain ALTER TABLE on both databases (SQLite 3.35+ drops columns).
 */
export class FaultHardening1764820000000 implements MigrationInterface {
  name = 'FaultHardening1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD COLUMN "approvedPlan" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "approvedPlan"`);
  }
}
