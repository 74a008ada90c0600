import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { IsLocalDate } from '../../common/time/time-validators.js';
import { EVENT_CATEGORIES, EVENT_STATUSES, type EventCategory, type EventStatus } from '../event-status.js';

/** The filters shared by the list, the CSV export and the public listing. */
export class EventFilterQuery {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ enum: EVENT_CATEGORIES })
  @IsOptional()
  @IsIn(EVENT_CATEGORIES)
  category?: EventCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Organizers may only name their own.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({
    example: '2022-09-01',
    description: 'Events running on or after this local date (Asia/Shanghai).',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2022-09-30', description: 'Events running on or before this local date.' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ example: '马拉松', description: 'Text in the Chinese or English title.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class ListEventsQuery extends IntersectionType(EventFilterQuery, PageQueryDto) {}

/** The public listing: approved events only, so no status or organization filter. */
export class PublicEventsQuery extends IntersectionType(
  OmitType(EventFilterQuery, ['status', 'organizationId'] as const),
  PageQueryDto,
) {}
