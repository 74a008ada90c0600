import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../infra/database/column-types.js';
import type { FundKind } from './fund-kinds.js';

/** A pool of marketing money of one year (municipal budget, provincial special funds...). */
@Entity('funds')
@Index(['year', 'kind'])
@Check(
  'CHK_funds_kind',
  `"kind" IN ('municipal_budget', 'provincial_special', 'district', 'enterprise_cofunding', 'sponsorship', 'other')`,
)
@Check('CHK_funds_amount', `"amountYuan" >= 0`)
@Check('CHK_funds_year', `"year" BETWEEN 2000 AND 2100`)
export class Fund {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: FundKind;

  @Column({ type: 'integer' })
  year!: number;

  /** The whole fund, in yuan. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  amountYuan!: number;

  /** The department or enterprise that answers for the fund (责任单位). */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  responsibleUnit!: string;

  /** Provenance, or that the amount is illustrative. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  /** Bumped on every change; sent as `ETag`, checked against `If-Match` on writes. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;
}
