import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALENDAR_KINDS, type CalendarKind } from './calendar.query.js';

/** A campaign or an event on the calendar. */
export class CalendarItemView {
  @ApiProperty({ enum: CALENDAR_KINDS, example: 'event' })
  kind!: CalendarKind;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '第九届天门山翼装飞行世界锦标赛' })
  title!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '9th Tianmen Mountain Wingsuit Flying World Championship',
  })
  titleEn!: string | null;

  @ApiProperty({ example: 'approved' })
  status!: string;

  @ApiProperty({ example: '2022-09-23', description: 'First local day.' })
  startDate!: string;

  @ApiProperty({ example: '2022-09-25', description: 'Last local day, included.' })
  endDate!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Campaigns: the start of their first day in Asia/Shanghai.',
  })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Campaigns: the end of their last day.' })
  endsAt!: string;

  @ApiProperty({ description: 'Campaigns are whole days; events have times.' })
  allDay!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'sports_event' })
  channel!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'sports' })
  category!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  venueId!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '天门山国家森林公园' })
  venueName!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: "An event's campaign." })
  campaignId!: string | null;
}

export class CalendarView {
  @ApiProperty({ example: '2022-09-01' })
  from!: string;

  @ApiProperty({ example: '2022-10-31' })
  to!: string;

  @ApiProperty({ type: [CalendarItemView], description: 'Chronological: by start, then end.' })
  items!: CalendarItemView[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'When no item falls in the period: the last day of the nearest earlier item under the same filters (null when there is none, or when the period has items).',
  })
  earlier!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'When no item falls in the period: the first day of the nearest later item under the same filters (null when there is none, or when the period has items).',
  })
  later!: string | null;
}
