import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageView } from '../../common/http/pagination.js';
import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
  type CampaignChannel,
  type CampaignStatus,
} from '../campaign-status.js';
import type { Campaign } from '../campaign.entity.js';

export class CampaignView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2022 高铁营销：长沙—张家界西“高铁游”' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  description!: string | null;

  @ApiProperty({ enum: CAMPAIGN_CHANNELS, example: 'high_speed_rail' })
  channel!: CampaignChannel;

  @ApiProperty({ enum: CAMPAIGN_STATUSES, example: 'scheduled' })
  status!: CampaignStatus;

  @ApiProperty({ example: 3000000 })
  budgetYuan!: number;

  @ApiProperty({ example: '2022-04-01' })
  startDate!: string;

  @ApiProperty({ example: '2022-06-30' })
  endDate!: string;

  @ApiProperty({ type: [String], example: ['长沙', '武汉'] })
  targetMarkets!: string[];

  @ApiProperty({ example: '市文旅局市场推广科' })
  responsibleUnit!: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  responsibleOrganizationId!: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 120000 })
  expectedIncrementalVisitors!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 90000000 })
  expectedIncrementalRevenueYuan!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 2850000, description: 'Set on completion.' })
  actualSpendYuan!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  actualIncrementalVisitors!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  actualIncrementalRevenueYuan!: number | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  cancellationReason!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Dates and budget illustrative' })
  note!: string | null;

  @ApiProperty({ type: [String], description: 'Linked events you can see.' })
  linkedEventIds!: string[];

  @ApiProperty({ example: 3, description: 'Bumped on every change.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(c: Campaign, linkedEventIds: string[] = []): CampaignView {
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      channel: c.channel,
      status: c.status,
      budgetYuan: c.budgetYuan,
      startDate: c.startDate,
      endDate: c.endDate,
      targetMarkets: c.targetMarkets,
      responsibleUnit: c.responsibleUnit,
      responsibleOrganizationId: c.responsibleOrganizationId,
      expectedIncrementalVisitors: c.expectedIncrementalVisitors,
      expectedIncrementalRevenueYuan: c.expectedIncrementalRevenueYuan,
      actualSpendYuan: c.actualSpendYuan,
      actualIncrementalVisitors: c.actualIncrementalVisitors,
      actualIncrementalRevenueYuan: c.actualIncrementalRevenueYuan,
      cancellationReason: c.cancellationReason,
      note: c.note,
      linkedEventIds,
      version: c.version,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  }
}

export class CampaignPage extends PageView(CampaignView) {}
