import { Get, Header, Param, Query } from '@nestjs/common';
import {
  ApiExtension,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
} from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { PublicFeedQuery } from './dto/public-feed.query.js';
import { ApiController } from '../common/http/api-controller.js';

const ICS = 'text/calendar; charset=utf-8';
const ics = { description: 'RFC 5545 calendar', schema: { type: 'string', example: 'BEGIN:VCALENDAR…' } };

/** Feeds that calendar apps subscribe to: no bearer token (apps cannot send one). */
@ApiController('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get('public/events.ics')
  @Public()
  @Header('Content-Type', ICS)
  @Header('Cache-Control', 'public, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'Public iCalendar feed of approved events (cancelled ones shown as cancelled)',
    description:
      'The same events as `GET /public/events` over the same window (`from`, `to`; default: every date), plus those published and since cancelled, as CANCELLED.',
  })
  @ApiOkResponse(ics)
  publicFeed(@Query() window: PublicFeedQuery): Promise<string> {
    return this.feeds.publicFeed(window);
  }

  @Get('calendar/feed/:file')
  @Public()
  @ApiExtension('x-roles', ['anyone holding the calendar token'])
  @Header('Content-Type', ICS)
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  @ApiParam({ name: 'file', example: 'trc_Qm9….ics', description: 'The calendar token, then .ics' })
  @ApiOperation({
    summary:
      "A user's private iCalendar feed (its own revocable token in the URL): visible events and campaigns",
  })
  @ApiOkResponse(ics)
  @ApiNotFoundResponse({ description: 'Unknown or revoked token', type: ErrorBody })
  privateFeed(@Param('file') file: string): Promise<string> {
    return this.feeds.privateFeed(file);
  }
}
