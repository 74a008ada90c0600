import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators.js';
import { mapPage } from '../common/http/pagination.js';
import { PublicEventPage, PublicEventView } from './dto/event.view.js';
import { PublicEventsQuery } from './dto/list-events.query.js';
import { EventsService } from './events.service.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('public', 'public/events')
export class PublicEventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Approved (and since completed) events, for everyone (no contact data)',
    description:
      'The same events as the public `.ics` feed over the same window (`from`, `to`; default: every date).',
  })
  @ApiOkResponse({ type: PublicEventPage })
  async list(@Query() query: PublicEventsQuery): Promise<PublicEventPage> {
    return mapPage(await this.events.listPublic(query), (e) => PublicEventView.of(e));
  }
}
