import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { bigintToNumber } from '../infra/database/column-types.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { Venue } from '../venues/venue.entity.js';
import type { ApprovedPlan, EventCategory, EventStatus } from './event-status.js';

/** An activity registered by an organizer for its organization, approved by the bureau. */
@Entity('events')
@Index(['venueId', 'startsAt'])
@Check(
  'CHK_events_status',
  `"status" IN ('draft', 'submitted', 'approved', 'rejected', 'cancelled', 'completed')`,
)
@Check(
  'CHK_events_category',
  `"category" IN ('festival', 'sports', 'culture', 'performance', 'exhibition', 'study_tour', 'other')`,
)
@Check('CHK_events_times', `"endsAt" >= "startsAt"`)
@Check('CHK_events_attendance', `"expectedAttendance" >= 0`)
@Check(
  'CHK_events_share',
  `"expectedOutsideCitySharePct" IS NULL OR "expectedOutsideCitySharePct" BETWEEN 0 AND 100`,
)
@Check('CHK_events_actuals', `"status" <> 'completed' OR "actualAttendance" IS NOT NULL`)
// Each instant column has its CHECK too, declared for every entity in entities.ts.
export class Event {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;

  @Column({ type: 'varchar', length: 200 })
  titleZh!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  titleEn!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 20 })
  category!: EventCategory;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: EventStatus;

  @Column({ type: 'varchar', length: 36 })
  venueId!: string;

  @ManyToOne(() => Venue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venueId' })
  venue?: Relation<Venue>;

  @Column({ type: Date })
  startsAt!: Date;

  @Column({ type: Date })
  endsAt!: Date;

  /** Expected attendance over the whole event (its daily figure is this spread over its local days). */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  expectedAttendance!: number;

  /** Expected share of attendees from outside the city, in percent (0-100). */
  @Column({ type: 'integer', nullable: true })
  expectedOutsideCitySharePct!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  expectedSpendPerAttendeeYuan!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  ticketingUrl!: string | null;

  @Column({ type: 'varchar', length: 100 })
  contactName!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  contactEmail!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  campaignId!: string | null;

  @ManyToOne(() => Campaign, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Relation<Campaign> | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  actualAttendance!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  actualRevenueYuan!: number | null;

  /** First approval: from then on the event stays in public feeds (cancelled ones as cancelled). */
  @Column({ type: Date, nullable: true })
  publishedAt!: Date | null;

  /**
   * Set while an approved event waits for re-approval after a change of its dates, venue or
   * attendance: the values last approved, which projections keep counting until the decision
   * (see `countedAs` in event-status.ts). Null otherwise.
   */
  @Column({ type: 'simple-json', nullable: true })
  approvedPlan!: ApprovedPlan | null;

  /** Provenance, or that dates or figures are illustrative. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Bumped on every change: the iCalendar SEQUENCE. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'createdById' })
  createdBy?: Relation<User> | null;

  @CreateDateColumn()
  createdAt!: Date;

  /** Set by the services on every change; the database default only covers rows inserted without it. */
  @Column({ type: Date, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;
}
