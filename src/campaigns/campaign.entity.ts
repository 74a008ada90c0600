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
import { bigintToNumber } from '../infra/database/column-types.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import type { CampaignChannel, CampaignStatus } from './campaign-status.js';

/** A marketing campaign of the bureau, with its plan, its expected effect and, once completed, its actuals. */
@Entity('campaigns')
@Index(['startDate', 'endDate'])
@Check('CHK_campaigns_status', `"status" IN ('draft', 'scheduled', 'active', 'completed', 'cancelled')`)
@Check(
  'CHK_campaigns_channel',
  `"channel" IN ('media', 'overseas', 'festival', 'sports_event', 'regional', 'online', 'influencer', 'high_speed_rail', 'new_media_partnership', 'travel_agency')`,
)
@Check('CHK_campaigns_dates', `"endDate" >= "startDate"`)
@Check('CHK_campaigns_budget', `"budgetYuan" >= 0`)
@Check('CHK_campaigns_actual_spend', `"status" <> 'completed' OR "actualSpendYuan" IS NOT NULL`)
export class Campaign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  channel!: CampaignChannel;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: CampaignStatus;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  budgetYuan!: number;

  /** First day, local date (Asia/Shanghai). */
  @Column({ type: 'varchar', length: 10 })
  startDate!: string;

  /** Last day, included. */
  @Column({ type: 'varchar', length: 10 })
  endDate!: string;

  /** Source markets targeted: free labels (长沙, 粤港澳大湾区, 韩国...). */
  @Column({ type: 'simple-json' })
  targetMarkets!: string[];

  /** The department or enterprise accountable for the campaign, as written by the bureau. */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  responsibleUnit!: string;

  /** The same unit as an organization of the platform, when it is one. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  responsibleOrganizationId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'responsibleOrganizationId' })
  responsibleOrganization?: Relation<Organization> | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  expectedIncrementalVisitors!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  expectedIncrementalRevenueYuan!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  actualSpendYuan!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  actualIncrementalVisitors!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  actualIncrementalRevenueYuan!: number | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

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
