import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { IsLocalDate } from '../../common/time/time-validators.js';
import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
  type CampaignChannel,
  type CampaignStatus,
} from '../campaign-status.js';

/** The filters shared by the list and the CSV export. */
export class CampaignFilterQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_CHANNELS })
  @IsOptional()
  @IsIn(CAMPAIGN_CHANNELS)
  channel?: CampaignChannel;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional({ example: '市文旅局市场推广科', description: 'Exact responsible unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  responsibleUnit?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Responsible organization.' })
  @IsOptional()
  @IsUUID()
  responsibleOrganizationId?: string;

  @ApiPropertyOptional({
    example: '2022-05-01',
    description: 'Campaigns running on or after this local date.',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2022-05-31',
    description: 'Campaigns running on or before this local date.',
  })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ example: '高铁', description: 'Text in the name, description or responsible unit.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class ListCampaignsQuery extends IntersectionType(CampaignFilterQuery, PageQueryDto) {}
