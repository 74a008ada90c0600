import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser, Owned } from '../common/auth/auth.decorators.js';
import { Versioned } from '../common/http/versioned.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { mapPage } from '../common/http/pagination.js';
import { CreateEventDto } from './dto/create-event.dto.js';
import { EventWarningView } from './dto/event-warning.view.js';
import { EventChangeView, EventPage, EventView } from './dto/event.view.js';
import { ListEventsQuery } from './dto/list-events.query.js';
import { UpdateEventDto } from './dto/update-event.dto.js';
import { Event } from './event.entity.js';
import { EventsService } from './events.service.js';
import { ApiController } from '../common/http/api-controller.js';

@Versioned({ entity: Event, what: 'Event' })
@ApiController('events', 'events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Allow('organizer', 'planner', 'admin')
  @ApiOperation({ summary: 'Register an event as a draft (organizers: for their own organization)' })
  @ApiCreatedResponse({ type: EventView })
  @ApiNotFoundResponse({ description: 'Unknown venue, campaign or organization', type: ErrorBody })
  @ApiUnprocessableEntityResponse({
    description: 'A planner or admin did not name the organization',
    type: ErrorBody,
  })
  async create(@Body() dto: CreateEventDto, @CurrentUser() user: AuthUser): Promise<EventView> {
    return EventView.of(await this.events.create(dto, user));
  }

  @Get()
  @Allow()
  @ApiOperation({ summary: "List events you may see (organizers: their organization's)" })
  @ApiOkResponse({ type: EventPage })
  @ApiNotFoundResponse({ description: 'An organizer named another organization', type: ErrorBody })
  async list(@Query() query: ListEventsQuery, @CurrentUser() user: AuthUser): Promise<EventPage> {
    return mapPage(await this.events.list(query, user), (e) => EventView.of(e));
  }

  @Get(':id')
  @Allow()
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'One event' })
  @ApiOkResponse({ type: EventView })
  async get(@Param('id') id: string): Promise<EventView> {
    return EventView.of(await this.events.get(id));
  }

  @Get(':id/checks')
  @Allow()
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({
    summary: 'The submit/approve checks as they stand now (overlap, capacity, start in the past)',
  })
  @ApiOkResponse({ type: [EventWarningView] })
  checks(@Param('id') id: string): Promise<EventWarningView[]> {
    return this.events.currentWarnings(id);
  }

  @Patch(':id')
  @Allow('organizer', 'planner', 'admin')
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({
    summary: 'Change an event; new dates, venue or attendance send an approved event back to submitted',
  })
  @ApiOkResponse({ type: EventChangeView })
  @ApiConflictResponse({ description: 'The event is cancelled or completed', type: ErrorBody })
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EventChangeView> {
    const { event, warnings } = await this.events.update(id, dto, user);
    return { event: EventView.of(event), warnings };
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('organizer', 'planner', 'admin')
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'Delete a draft (anything further is cancelled instead)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'The event is not a draft', type: ErrorBody })
  async remove(@Param('id') id: string): Promise<void> {
    await this.events.remove(id);
  }
}
