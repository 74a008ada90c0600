import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageView } from '../../common/http/pagination.js';
import type { FundFigures } from '../fund-figures.js';
import { FUND_KINDS, type FundKind } from '../fund-kinds.js';
import type { FundAllocation } from '../fund-allocation.entity.js';
import type { Fund } from '../fund.entity.js';

export class FundView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2022 年市级旅游营销专项资金' })
  name!: string;

  @ApiProperty({ enum: FUND_KINDS })
  kind!: FundKind;

  @ApiProperty({ example: 2022 })
  year!: number;

  @ApiProperty({ example: 30000000 })
  amountYuan!: number;

  @ApiProperty({ example: '市财政局' })
  responsibleUnit!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ example: 18000000, description: 'Allocated to campaigns that are not cancelled.' })
  allocatedYuan!: number;

  @ApiProperty({
    example: 1500000,
    description: 'Actual spend of completed campaigns, shared pro rata over the funds they drew on.',
  })
  spentYuan!: number;

  @ApiProperty({ example: 12000000, description: 'amount − allocated: what can still be allocated.' })
  remainingYuan!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.083, description: 'spent / allocated.' })
  utilisation!: number | null;

  @ApiProperty({ example: 4, description: 'Campaigns (not cancelled) drawing on the fund.' })
  campaigns!: number;

  @ApiProperty({ example: 3, description: 'Bumped on every change; its ETag for If-Match.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(f: Fund, figures: FundFigures): FundView {
    return {
      id: f.id,
      name: f.name,
      kind: f.kind,
      year: f.year,
      amountYuan: f.amountYuan,
      responsibleUnit: f.responsibleUnit,
      note: f.note,
      ...figures,
      version: f.version,
      createdAt: f.createdAt.toISOString(),
      updatedAt: f.updatedAt.toISOString(),
    };
  }
}

export class FundPage extends PageView(FundView) {}

export class AllocationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  fundId!: string;

  @ApiProperty({ example: '2022 年市级旅游营销专项资金' })
  fundName!: string;

  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({ example: '高铁营销：张吉怀高铁沿线推广' })
  campaignName!: string;

  @ApiProperty({ example: 'active' })
  campaignStatus!: string;

  @ApiProperty({ example: 2000000 })
  amountYuan!: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(
    a: FundAllocation,
    campaign: { name: string; status: string },
    fund: { name: string },
  ): AllocationView {
    return {
      id: a.id,
      fundId: a.fundId,
      fundName: fund.name,
      campaignId: a.campaignId,
      campaignName: campaign.name,
      campaignStatus: campaign.status,
      amountYuan: a.amountYuan,
      note: a.note,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

export class AllocationPage extends PageView(AllocationView) {}
