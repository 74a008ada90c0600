import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsLocalDate } from '../../common/time/time-validators.js';
import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
  type CampaignChannel,
} from '../../campaigns/campaign-status.js';
import { EVENT_STATUSES } from '../../events/event-status.js';

export const CALENDAR_STATUSES = [...new Set([...CAMPAIGN_STATUSES, ...EVENT_STATUSES])];
export const CALENDAR_KINDS = ['campaign', 'event'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export class CalendarQuery {
  @ApiProperty({ example: '2022-09-01', description: 'First local day (Asia/Shanghai).' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({
    example: '2022-10-31',
    description: 'Last local day, included (at most 400 days after from).',
  })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Events at this venue, and the campaigns linked to such events.',
  })
  @IsOptional()
  @IsUUID()
  venue?: string;

  @ApiPropertyOptional({
    enum: CAMPAIGN_CHANNELS,
    description: 'Campaigns of this channel, and the events they promote.',
  })
  @IsOptional()
  @IsIn(CAMPAIGN_CHANNELS)
  channel?: CampaignChannel;

  @ApiPropertyOptional({ enum: CALENDAR_STATUSES, description: 'Campaigns and events in this state.' })
  @IsOptional()
  @IsIn(CALENDAR_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: CALENDAR_KINDS, description: 'Only campaigns or only events.' })
  @IsOptional()
  @IsIn(CALENDAR_KINDS)
  kind?: CalendarKind;
}
