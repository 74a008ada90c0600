import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { ReportSubscription } from '../subscriptions/report-subscription.entity.js';

/**
 * pending: waiting for its job; sending: claimed by one attempt; sent: committed to the mail
 * server (or the outbox); failed: the last attempt failed (`permanent` = a 5xx refusal, never
 * retried); skipped: the reader unsubscribed before it went out.
 */
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The outbox: one row per reader and week, whatever happens to runs and jobs. */
@Entity('report_deliveries')
@Unique('UQ_report_deliveries_subscription_week', ['subscriptionId', 'week'])
@Index('IDX_report_deliveries_week_state', ['week', 'state'])
@Check('CHK_report_deliveries_state', `"state" IN ('pending', 'sending', 'sent', 'failed', 'skipped')`)
@Check('CHK_report_deliveries_week', `"week" LIKE '____-W__'`)
@Check('CHK_report_deliveries_attempts', `"attempts" >= 0`)
export class ReportDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  subscriptionId!: string;

  /** Subscriptions are soft-deleted; the database refuses a delete that would erase this log. */
  @ManyToOne(() => ReportSubscription, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subscriptionId' })
  subscription?: Relation<ReportSubscription>;

  /** ISO week key, `2022-W14`. */
  @Column({ type: 'varchar', length: 8 })
  week!: string;

  @Column({ type: 'varchar', length: 10 })
  state!: DeliveryState;

  /** With `failed`: a permanent refusal (5xx), not retried. */
  @Column({ type: 'boolean', default: false })
  permanent!: boolean;

  /** Attempts that claimed the row (each one could have sent, always with the same Message-ID). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** Deterministic: `<2022-W14.<subscriptionId>@domain>`, the same on every attempt. */
  @Column({ type: 'varchar', length: 255 })
  messageId!: string;

  /** The address it went to (the subscription's at the time). */
  @Column({ type: 'varchar', length: 320, nullable: true })
  recipient!: string | null;

  /** The attempt that owns the row while `sending`. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  @Column({ type: Date, nullable: true })
  claimedAt!: Date | null;

  /**
   * Set by the owning attempt once the whole message is with the server, just before the
   * end-of-data marker: from then on the message may have been accepted, so a resend by a later
   * attempt may be a duplicate (same Message-ID).
   */
  @Column({ type: Date, nullable: true })
  handedOverAt!: Date | null;

  @Column({ type: Date, nullable: true })
  sentAt!: Date | null;

  /** With `sent`: true when the server's acceptance was seen (false: left by earlier versions, sent again). */
  @Column({ type: 'boolean', nullable: true })
  confirmed!: boolean | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  smtpResponse!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  /** Set by the outbox on every change; the database default only covers rows inserted without it. */
  @Column({ type: Date, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;
}
