import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addInstantChecks, dropInstantChecks } from '../instant-check.js';

/**
 * Every stored instant outside `events` (which InstantChecks1764810000000 covers), by table: the
 * database refuses an invalid one whatever path writes it (issue 10, item 1).
 */
const INSTANT_COLUMNS: Record<string, readonly string[]> = {
  organizations: ['createdAt'],
  users: ['passwordSetAt', 'lastSignInAt', 'createdAt'],
  api_tokens: ['createdAt', 'lastUsedAt', 'revokedAt'],
  venues: ['createdAt', 'updatedAt'],
  campaigns: ['createdAt', 'updatedAt'],
  event_history: ['at'],
  report_subscriptions: ['unsubscribedAt', 'deletedAt', 'createdAt', 'updatedAt'],
  report_deliveries: ['claimedAt', 'handedOverAt', 'sentAt', 'createdAt', 'updatedAt'],
  report_editions: ['createdAt'],
  app_secrets: ['createdAt'],
  actuals: ['updatedAt'],
  targets: ['dirtySince', 'createdAt', 'updatedAt'],
  holiday_overrides: ['createdAt'],
  projection_snapshots: ['computedAt'],
  funds: ['createdAt', 'updatedAt'],
  fund_allocations: ['createdAt', 'updatedAt'],
  scenarios: ['createdAt', 'updatedAt'],
  scenario_changes: ['createdAt'],
  scenario_projections: ['computedAt'],
  item_effects: ['computedAt'],
  sessions: ['createdAt', 'lastSeenAt', 'expiresAt'],
  invitations: ['createdAt', 'expiresAt', 'usedAt'],
  sign_in_failures: ['at'],
};

export class InstantChecksEverywhere1796036456104 implements MigrationInterface {
  name = 'InstantChecksEverywhere1796036456104';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(INSTANT_COLUMNS))
      await addInstantChecks(queryRunner, table, columns);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(INSTANT_COLUMNS).reverse())
      await dropInstantChecks(queryRunner, table, columns);
  }
}
