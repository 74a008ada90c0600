import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Max, Min } from 'class-validator';
import { NestedObject } from '../../common/http/nested-object.js';
import { IsDateTimeText } from '../../common/time/time-validators.js';
import { EVENT_CATEGORIES, type EventCategory } from '../event-status.js';

export class EventContactDto {
  @ApiProperty({ example: '张伟', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ type: String, example: '+86 744 000 0000', nullable: true, maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, example: 'events@tianmen.example', nullable: true })
  @IsOptional()
  @IsEmail()
  @Length(3, 320)
  email?: string | null;
}

export class CreateEventDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Planners and admins register for this organization (required for them); organizers use their own.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiProperty({ example: '第九届天门山翼装飞行世界锦标赛', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  titleZh!: string;

  @ApiPropertyOptional({
    type: String,
    example: '9th Tianmen Mountain Wingsuit Flying World Championship',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  titleEn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  description?: string | null;

  @ApiProperty({ enum: EVENT_CATEGORIES, example: 'sports' })
  @IsIn(EVENT_CATEGORIES)
  category!: EventCategory;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  venueId!: string;

  @ApiProperty({
    example: '2022-09-23T09:00',
    description:
      "Start: an instant with offset (…+08:00, …Z), or a local time read in the venue's time zone.",
  })
  @IsDateTimeText()
  startsAt!: string;

  @ApiProperty({ example: '2022-09-25T18:00', description: 'End, same forms as startsAt; not before it.' })
  @IsDateTimeText()
  endsAt!: string;

  @ApiProperty({ example: 30000, description: 'Expected attendance over the whole event.' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  expectedAttendance!: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 70,
    minimum: 0,
    maximum: 100,
    nullable: true,
    description: 'Percent from outside the city.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  expectedOutsideCitySharePct?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1200,
    nullable: true,
    description: 'Expected spend per attendee, yuan.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  expectedSpendPerAttendeeYuan?: number | null;

  @ApiPropertyOptional({
    type: String,
    example: 'https://tickets.example/tianmen-wingsuit-2022',
    nullable: true,
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @Length(1, 500)
  ticketingUrl?: string | null;

  @ApiProperty({ type: EventContactDto })
  @NestedObject(() => EventContactDto)
  contact!: EventContactDto;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The campaign promoting the event.',
  })
  @IsOptional()
  @IsUUID()
  campaignId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Dates illustrative', nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
