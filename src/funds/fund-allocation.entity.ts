import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../infra/database/column-types.js';

/**
 * Money of one fund given to one campaign: at most one row per (fund, campaign). Once a
 * campaign has allocations its budget is their sum (kept in the same transaction).
 */
@Entity('fund_allocations')
@Index('UQ_fund_allocations_fund_campaign', ['fundId', 'campaignId'], { unique: true })
@Check('CHK_fund_allocations_amount', `"amountYuan" > 0`)
export class FundAllocation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey('funds', { onDelete: 'CASCADE' })
  fundId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  @ForeignKey('campaigns', { onDelete: 'CASCADE' })
  campaignId!: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountYuan!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;
}
