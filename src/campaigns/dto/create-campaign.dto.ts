import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { IsLocalDate } from '../../common/time/time-validators.js';
import { CAMPAIGN_CHANNELS, type CampaignChannel } from '../campaign-status.js';

const MAX_YUAN = 1_000_000_000_000;

export class CreateCampaignDto {
  @ApiProperty({ example: '2022 高铁营销：长沙—张家界西“高铁游”', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    type: String,
    example: '高铁站广告与车厢冠名 (station ads and named trains)',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string | null;

  @ApiProperty({ enum: CAMPAIGN_CHANNELS, example: 'high_speed_rail' })
  @IsIn(CAMPAIGN_CHANNELS)
  channel!: CampaignChannel;

  @ApiProperty({ example: 3000000, description: 'Budget in yuan (integer).' })
  @IsInt()
  @Min(0)
  @Max(MAX_YUAN)
  budgetYuan!: number;

  @ApiProperty({ example: '2022-04-01', description: 'First day (local date, Asia/Shanghai).' })
  @IsLocalDate()
  startDate!: string;

  @ApiProperty({ example: '2022-06-30', description: 'Last day, included.' })
  @IsLocalDate()
  endDate!: string;

  @ApiPropertyOptional({
    example: ['长沙', '武汉', '广州'],
    type: [String],
    description: 'Target source markets.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  targetMarkets?: string[];

  @ApiProperty({
    example: '市文旅局市场推广科',
    description:
      'The department or enterprise accountable for the campaign (free text, as the bureau names it).',
  })
  @IsString()
  @Length(1, 200)
  responsibleUnit!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The responsible unit as an organization of the platform, when it is one.',
  })
  @IsOptional()
  @IsUUID()
  responsibleOrganizationId?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 120000,
    nullable: true,
    description: 'Expected extra visitors (projections use it).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_YUAN)
  expectedIncrementalVisitors?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 90000000,
    nullable: true,
    description: 'Expected extra tourism revenue, yuan.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_YUAN)
  expectedIncrementalRevenueYuan?: number | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Events this campaign promotes: sets their campaign link (and clears it on events no longer listed).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  eventIds?: string[];

  @ApiPropertyOptional({ type: String, example: 'Dates and budget illustrative', nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
