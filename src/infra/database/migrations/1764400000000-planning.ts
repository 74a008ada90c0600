import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnTypes } from '../column-types.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Frozen copies of the enums at the time of this migration (a later change needs its own migration).
const VENUE_KINDS = [
  'scenic_area',
  'stadium',
  'square',
  'theatre',
  'museum',
  'park',
  'town',
  'online',
  'other',
];
const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'completed', 'cancelled'];
const CHANNELS = [
  'media',
  'overseas',
  'festival',
  'sports_event',
  'regional',
  'online',
  'influencer',
  'high_speed_rail',
  'new_media_partnership',
  'travel_agency',
];
const EVENT_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'cancelled', 'completed'];
const EVENT_CATEGORIES = [
  'festival',
  'sports',
  'culture',
  'performance',
  'exhibition',
  'study_tour',
  'other',
];
const HISTORY_ACTIONS = ['create', 'edit', 'import', 'submit', 'approve', 'reject', 'cancel', 'complete'];

// Integers use the entities' own type name 'bigint' on both databases (INTEGER affinity on SQLite),
// and created-at defaults `t.now`, so the schema matches the entities.

/** Venues, marketing campaigns, organizer events and the events' audit trail (issue 3). */
export class Planning1764400000000 implements MigrationInterface {
  name = 'Planning1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = columnTypes(queryRunner);
    // The entities' `default: () => 'CURRENT_TIMESTAMP'` of campaigns and events' `updatedAt`, as
    // TypeORM reads it back on each database (it turns CURRENT_TIMESTAMP into now() on PostgreSQL).
    const currentTimestamp =
      queryRunner.connection.options.type === 'postgres' ? 'now()' : 'CURRENT_TIMESTAMP';
    await queryRunner.createTable(
      new Table({
        name: 'venues',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'nameZh', type: 'varchar', length: '200', isUnique: true },
          { name: 'nameEn', type: 'varchar', length: '200' },
          { name: 'district', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'aRating', type: 'integer', isNullable: true },
          { name: 'maxDailyCapacity', type: 'integer', isNullable: true },
          { name: 'instantaneousCapacity', type: 'integer', isNullable: true },
          { name: 'timeZone', type: 'varchar', length: '64', default: `'Asia/Shanghai'` },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant, default: t.now },
        ],
        checks: [
          { name: 'CHK_venues_kind', expression: `"kind" IN (${list(VENUE_KINDS)})` },
          { name: 'CHK_venues_rating', expression: `"aRating" IS NULL OR "aRating" BETWEEN 1 AND 5` },
          { name: 'CHK_venues_capacity', expression: `"maxDailyCapacity" IS NULL OR "maxDailyCapacity" > 0` },
          {
            name: 'CHK_venues_instant_capacity',
            expression: `"instantaneousCapacity" IS NULL OR "instantaneousCapacity" > 0`,
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'channel', type: 'varchar', length: '40' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'budgetYuan', type: 'bigint' },
          { name: 'startDate', type: 'varchar', length: '10' },
          { name: 'endDate', type: 'varchar', length: '10' },
          { name: 'targetMarkets', type: 'text' },
          { name: 'responsibleUnit', type: 'varchar', length: '200' },
          { name: 'responsibleOrganizationId', type: t.id, length: '36', isNullable: true },
          { name: 'expectedIncrementalVisitors', type: 'bigint', isNullable: true },
          { name: 'expectedIncrementalRevenueYuan', type: 'bigint', isNullable: true },
          { name: 'actualSpendYuan', type: 'bigint', isNullable: true },
          { name: 'actualIncrementalVisitors', type: 'bigint', isNullable: true },
          { name: 'actualIncrementalRevenueYuan', type: 'bigint', isNullable: true },
          { name: 'cancellationReason', type: 'text', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'createdById', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant, default: currentTimestamp },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['responsibleOrganizationId'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
          new TableForeignKey({
            columnNames: ['createdById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ['startDate', 'endDate'] }),
          new TableIndex({ columnNames: ['status'] }),
          new TableIndex({ columnNames: ['channel'] }),
          new TableIndex({ columnNames: ['responsibleUnit'] }),
        ],
        checks: [
          { name: 'CHK_campaigns_status', expression: `"status" IN (${list(CAMPAIGN_STATUSES)})` },
          { name: 'CHK_campaigns_channel', expression: `"channel" IN (${list(CHANNELS)})` },
          { name: 'CHK_campaigns_dates', expression: `"endDate" >= "startDate"` },
          { name: 'CHK_campaigns_budget', expression: `"budgetYuan" >= 0` },
          {
            name: 'CHK_campaigns_actual_spend',
            expression: `"status" <> 'completed' OR "actualSpendYuan" IS NOT NULL`,
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'events',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'organizationId', type: t.id, length: '36' },
          { name: 'titleZh', type: 'varchar', length: '200' },
          { name: 'titleEn', type: 'varchar', length: '200', isNullable: true },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'category', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'venueId', type: t.id, length: '36' },
          { name: 'startsAt', type: t.instant },
          { name: 'endsAt', type: t.instant },
          { name: 'expectedAttendance', type: 'bigint' },
          { name: 'expectedOutsideCitySharePct', type: 'integer', isNullable: true },
          { name: 'expectedSpendPerAttendeeYuan', type: 'bigint', isNullable: true },
          { name: 'ticketingUrl', type: 'varchar', length: '500', isNullable: true },
          { name: 'contactName', type: 'varchar', length: '100' },
          { name: 'contactPhone', type: 'varchar', length: '40', isNullable: true },
          { name: 'contactEmail', type: 'varchar', length: '320', isNullable: true },
          { name: 'campaignId', type: t.id, length: '36', isNullable: true },
          { name: 'rejectionReason', type: 'text', isNullable: true },
          { name: 'cancellationReason', type: 'text', isNullable: true },
          { name: 'actualAttendance', type: 'bigint', isNullable: true },
          { name: 'actualRevenueYuan', type: 'bigint', isNullable: true },
          { name: 'publishedAt', type: t.instant, isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'createdById', type: t.id, length: '36', isNullable: true },
          { name: 'createdAt', type: t.instant, default: t.now },
          { name: 'updatedAt', type: t.instant, default: currentTimestamp },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['organizationId'],
            referencedTableName: 'organizations',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
          new TableForeignKey({
            columnNames: ['venueId'],
            referencedTableName: 'venues',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
          new TableForeignKey({
            columnNames: ['campaignId'],
            referencedTableName: 'campaigns',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
          new TableForeignKey({
            columnNames: ['createdById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [
          new TableIndex({ columnNames: ['venueId', 'startsAt'] }),
          new TableIndex({ columnNames: ['organizationId'] }),
          new TableIndex({ columnNames: ['status'] }),
          new TableIndex({ columnNames: ['campaignId'] }),
        ],
        checks: [
          { name: 'CHK_events_status', expression: `"status" IN (${list(EVENT_STATUSES)})` },
          { name: 'CHK_events_category', expression: `"category" IN (${list(EVENT_CATEGORIES)})` },
          { name: 'CHK_events_times', expression: `"endsAt" >= "startsAt"` },
          { name: 'CHK_events_attendance', expression: `"expectedAttendance" >= 0` },
          {
            name: 'CHK_events_share',
            expression: `"expectedOutsideCitySharePct" IS NULL OR "expectedOutsideCitySharePct" BETWEEN 0 AND 100`,
          },
          {
            name: 'CHK_events_actuals',
            expression: `"status" <> 'completed' OR "actualAttendance" IS NOT NULL`,
          },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'event_history',
        columns: [
          { name: 'id', type: t.id, length: '36', isPrimary: true },
          { name: 'eventId', type: t.id, length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'at', type: t.instant },
          { name: 'actorId', type: t.id, length: '36', isNullable: true },
          { name: 'actorName', type: 'varchar', length: '200' },
          { name: 'actorRole', type: 'varchar', length: '20' },
          { name: 'action', type: 'varchar', length: '20' },
          { name: 'fromStatus', type: 'varchar', length: '20', isNullable: true },
          { name: 'toStatus', type: 'varchar', length: '20' },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'details', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['eventId'],
            referencedTableName: 'events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['actorId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['eventId', 'seq'], isUnique: true })],
        checks: [{ name: 'CHK_event_history_action', expression: `"action" IN (${list(HISTORY_ACTIONS)})` }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('event_history');
    await queryRunner.dropTable('events');
    await queryRunner.dropTable('campaigns');
    await queryRunner.dropTable('venues');
  }
}
