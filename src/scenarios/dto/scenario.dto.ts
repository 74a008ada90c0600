import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CAMPAIGN_CHANNELS, type CampaignChannel } from '../../campaigns/campaign-status.js';
import { PageQueryDto } from '../../common/http/pagination.js';
import { IsLocalDate } from '../../common/time/time-validators.js';
import { SCENARIO_ACTIONS, type ScenarioAction } from '../scenario-change.js';

const BIG = 1_000_000_000_000;

export class CreateScenarioDto {
  @ApiProperty({ example: '再办一个节会：张家界国际乡村音乐周', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'What if we add one more festival in October?',
  })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string | null;
}

export class UpdateScenarioDto extends PartialType(CreateScenarioDto) {}

export class ListScenariosQuery extends PageQueryDto {}

/**
 * One change of a scenario. Which fields an action takes:
 * - `add_campaign`: name, startDate, endDate; optional channel, budgetYuan, expected increments;
 * - `add_event`: name, venueId, startDate, endDate, expectedAttendance; optional outside share and spend;
 * - `cancel`: campaignId or eventId;
 * - `move`: campaignId or eventId, startDate; optional endDate;
 * - `change`: campaignId (expected increments) or eventId (expected attendance, outside share, spend).
 */
export class AddScenarioChangeDto {
  @ApiProperty({ enum: SCENARIO_ACTIONS, example: 'add_event' })
  @IsIn(SCENARIO_ACTIONS)
  action!: ScenarioAction;

  @ApiPropertyOptional({ format: 'uuid', description: 'The official campaign to cancel, move or change.' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The official event to cancel, move or change.' })
  @IsOptional()
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ example: '张家界国际乡村音乐周', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: CAMPAIGN_CHANNELS })
  @IsOptional()
  @IsIn(CAMPAIGN_CHANNELS)
  channel?: CampaignChannel;

  @ApiPropertyOptional({ example: 2000000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BIG)
  budgetYuan?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Venue of a tentative event.' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({ example: '2022-10-10', description: 'First day (local date).' })
  @IsOptional()
  @IsLocalDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2022-10-16', description: 'Last day, included.' })
  @IsOptional()
  @IsLocalDate()
  endDate?: string;

  @ApiPropertyOptional({ example: 20000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BIG)
  expectedIncrementalVisitors?: number;

  @ApiPropertyOptional({ example: 18000000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BIG)
  expectedIncrementalRevenueYuan?: number;

  @ApiPropertyOptional({ example: 50000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  expectedAttendance?: number;

  @ApiPropertyOptional({ example: 70, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  expectedOutsideCitySharePct?: number;

  @ApiPropertyOptional({ example: 900 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  expectedSpendPerAttendeeYuan?: number;
}

export class ScenarioProjectionQuery {
  @ApiProperty({ format: 'uuid', description: 'The target to project.' })
  @IsUUID()
  target!: string;
}
