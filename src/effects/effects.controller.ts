import { Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser, Owned } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { Event } from '../events/event.entity.js';
import { ItemEffectView } from './dto/item-effect.view.js';
import { ItemEffectReader } from './item-effect.reader.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('effects')
export class EffectsController {
  constructor(private readonly reader: ItemEffectReader) {}

  @Get('campaigns/:id/effect')
  @Allow()
  @ApiOperation({
    summary:
      "A campaign's measured uplift (city visitors and revenue, 80 %/95 % intervals) beside its expected and typed-in figures",
  })
  @ApiOkResponse({ type: ItemEffectView })
  @ApiNotFoundResponse({ description: 'No such campaign', type: ErrorBody })
  campaign(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ItemEffectView> {
    return this.reader.campaign(id, user);
  }

  @Get('events/:id/effect')
  @Allow()
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({
    summary:
      "An event's measured uplift for the city and its venue beside its expected and typed-in figures (organizers: their own events)",
  })
  @ApiOkResponse({ type: ItemEffectView })
  event(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ItemEffectView> {
    return this.reader.event(id, user);
  }
}
