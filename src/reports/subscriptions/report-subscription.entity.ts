import { Check, Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * A reader of the weekly target report. Need not be a user of the platform. Deleting one only
 * stamps `deletedAt` (TypeORM then leaves it out of every find and query builder): its delivery
 * log stays, and the address may subscribe again.
 */
@Entity('report_subscriptions')
@Index('UQ_report_subscriptions_email', ['email'], { unique: true, where: '"deletedAt" IS NULL' })
@Check('CHK_report_subscriptions_language', `"language" IN ('zh-CN', 'en')`)
export class ReportSubscription {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Lower-cased; one live (not deleted) subscription per address. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 5 })
  language!: ReportLanguage;

  /** The targets the reader follows; null = every target the week's report covers. */
  @Column({ type: 'simple-json', nullable: true })
  targetIds!: string[] | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** When the reader used the unsubscribe link (cleared when an admin re-activates). */
  @Column({ type: Date, nullable: true })
  unsubscribedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  /** When an admin or planner deleted it; null while it lives. */
  @DeleteDateColumn({ type: Date, nullable: true })
  deletedAt!: Date | null;

  /** Set by the services on every change; the database default only covers rows inserted without it. */
  @Column({ type: Date, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;
}
