import { Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser, Owned } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { Event } from '../events/event.entity.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarService } from './calendar.service.js';
import { CalendarView } from './dto/calendar-item.view.js';
import { CalendarQuery } from './dto/calendar.query.js';
import { ApiController } from '../common/http/api-controller.js';

const ICS = 'text/calendar; charset=utf-8';

@ApiController('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Get('calendar')
  @Allow()
  @ApiOperation({
    summary: 'Campaigns and the events you may see between two dates, in one chronological list',
  })
  @ApiOkResponse({ type: CalendarView })
  @ApiUnprocessableEntityResponse({ description: 'Too many items: narrow the dates', type: ErrorBody })
  view(@Query() query: CalendarQuery, @CurrentUser() user: AuthUser): Promise<CalendarView> {
    return this.calendar.view(query, user);
  }

  @Get('events/:id/calendar.ics')
  @Allow()
  @Owned({ entity: Event, what: 'Event' })
  @Header('Content-Type', ICS)
  @ApiProduces('text/calendar')
  @ApiOperation({ summary: 'One event as an iCalendar file' })
  @ApiOkResponse({
    description: 'RFC 5545 calendar',
    schema: { type: 'string', example: 'BEGIN:VCALENDAR…' },
  })
  eventFile(@Param('id') id: string): Promise<string> {
    return this.feeds.eventFile(id);
  }
}
