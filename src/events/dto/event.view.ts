import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageView } from '../../common/http/pagination.js';
import { formatInZone } from '../../common/time/local-date.js';
import { dailyAttendance } from '../event-checks.js';
import { EVENT_CATEGORIES, EVENT_STATUSES, type EventCategory, type EventStatus } from '../event-status.js';
import type { Event } from '../event.entity.js';
import { EventWarningView } from './event-warning.view.js';

export class EventVenueView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '天门山国家森林公园' })
  nameZh!: string;

  @ApiProperty({ example: 'Tianmen Mountain National Forest Park' })
  nameEn!: string;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone!: string;
}

export class EventContactView {
  @ApiProperty({ example: '张伟' })
  name!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  phone!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  email!: string | null;
}

/** What everyone may see of an approved event: no contact, no internal figures. */
export class PublicEventView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '第九届天门山翼装飞行世界锦标赛' })
  titleZh!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '9th Tianmen Mountain Wingsuit Flying World Championship',
  })
  titleEn!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  description!: string | null;

  @ApiProperty({ enum: EVENT_CATEGORIES })
  category!: EventCategory;

  @ApiProperty({ type: EventVenueView })
  venue!: EventVenueView;

  @ApiProperty({ format: 'date-time', example: '2022-09-23T01:00:00.000Z' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2022-09-25T10:00:00.000Z' })
  endsAt!: string;

  @ApiProperty({ example: '2022-09-23T09:00:00+08:00', description: "Start in the venue's time zone." })
  startsAtLocal!: string;

  @ApiProperty({ example: '2022-09-25T18:00:00+08:00' })
  endsAtLocal!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  ticketingUrl!: string | null;

  static of(e: Event): PublicEventView {
    const venue = e.venue!;
    return {
      id: e.id,
      titleZh: e.titleZh,
      titleEn: e.titleEn,
      description: e.description,
      category: e.category,
      venue: { id: venue.id, nameZh: venue.nameZh, nameEn: venue.nameEn, timeZone: venue.timeZone },
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      startsAtLocal: formatInZone(e.startsAt, venue.timeZone),
      endsAtLocal: formatInZone(e.endsAt, venue.timeZone),
      ticketingUrl: e.ticketingUrl,
    };
  }
}

export class EventView extends PublicEventView {
  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty({ example: '张家界天门山旅游股份有限公司' })
  organizationName!: string;

  @ApiProperty({ enum: EVENT_STATUSES, example: 'submitted' })
  status!: EventStatus;

  @ApiProperty({ example: 30000, description: 'Over the whole event.' })
  expectedAttendance!: number;

  @ApiProperty({ example: 10000, description: 'Spread evenly over the local days the event touches.' })
  expectedDailyAttendance!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 70 })
  expectedOutsideCitySharePct!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 1200 })
  expectedSpendPerAttendeeYuan!: number | null;

  @ApiProperty({ type: EventContactView })
  contact!: EventContactView;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  campaignId!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  rejectionReason!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  cancellationReason!: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  actualAttendance!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  actualRevenueYuan!: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Dates illustrative' })
  note!: string | null;

  @ApiProperty({ example: 2, description: 'Bumped on every change (the iCalendar SEQUENCE).' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static override of(e: Event): EventView {
    return {
      ...PublicEventView.of(e),
      organizationId: e.organizationId,
      organizationName: e.organization?.name ?? '',
      status: e.status,
      expectedAttendance: e.expectedAttendance,
      expectedDailyAttendance: dailyAttendance(e, e.venue!.timeZone).perDay,
      expectedOutsideCitySharePct: e.expectedOutsideCitySharePct,
      expectedSpendPerAttendeeYuan: e.expectedSpendPerAttendeeYuan,
      contact: { name: e.contactName, phone: e.contactPhone, email: e.contactEmail },
      campaignId: e.campaignId,
      rejectionReason: e.rejectionReason,
      cancellationReason: e.cancellationReason,
      actualAttendance: e.actualAttendance,
      actualRevenueYuan: e.actualRevenueYuan,
      note: e.note,
      version: e.version,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  }
}

/** An event after a change, with the checks' warnings where it awaits or holds approval. */
export class EventChangeView {
  @ApiProperty({ type: EventView })
  event!: EventView;

  @ApiProperty({ type: [EventWarningView] })
  warnings!: EventWarningView[];
}

export class EventPage extends PageView(EventView) {}
export class PublicEventPage extends PageView(PublicEventView) {}
