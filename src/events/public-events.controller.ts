import { Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { sendCached } from '../common/http/if-none-match.js';
import { Public } from '../common/auth/auth.decorators.js';
import { mapPage } from '../common/http/pagination.js';
import { PublicEventPage, PublicEventView } from './dto/event.view.js';
import { PublicEventsQuery } from './dto/list-events.query.js';
import { EventsService } from './events.service.js';
import { PublicEventsCache } from './public-events.cache.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('public', 'public/events')
export class PublicEventsController {
  constructor(
    private readonly events: EventsService,
    private readonly cache: PublicEventsCache,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Approved (and since completed) events, for everyone (no contact data)',
    description:
      'The same events as the public `.ics` feed over the same window (`from`, `to`; default: every date).',
  })
  @ApiOkResponse({ type: PublicEventPage })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'The ETag of this listing read before: 304 with no body while no event or venue changed.',
  })
  @ApiNotModifiedResponse({ description: 'No event or venue changed since that ETag' })
  async list(
    @Query() query: PublicEventsQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    const listing = await this.cache.listing(query, async (): Promise<PublicEventPage> =>
      mapPage(await this.events.listPublic(query), (e) => PublicEventView.of(e)),
    );
    return sendCached(listing, ifNoneMatch, reply);
  }
}
