import { Body, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser, Owned } from '../common/auth/auth.decorators.js';
import { Versioned } from '../common/http/versioned.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { EventHistoryView } from './dto/event-history.view.js';
import {
  ApproveEventDto,
  CancelEventDto,
  CompleteEventDto,
  RejectEventDto,
} from './dto/event-transition.dto.js';
import { EventChangeView, EventView } from './dto/event.view.js';
import { EventWorkflowService } from './event-workflow.service.js';
import { Event } from './event.entity.js';
import type { EventChange } from './events.service.js';
import { ApiController } from '../common/http/api-controller.js';

const view = ({ event, warnings }: EventChange): EventChangeView => ({
  event: EventView.of(event),
  warnings,
});
const invalid = { description: 'Not allowed from the current state (names both states)', type: ErrorBody };

@Versioned({ entity: Event, what: 'Event' })
@ApiController('events', 'events/:id')
@ApiConflictResponse(invalid)
export class EventWorkflowController {
  constructor(private readonly workflow: EventWorkflowService) {}

  @Post('submit')
  @HttpCode(200)
  @Allow('organizer', 'planner', 'admin')
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'draft or rejected -> submitted, with the checks as warnings' })
  @ApiOkResponse({ type: EventChangeView })
  async submit(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<EventChangeView> {
    return view(await this.workflow.submit(id, user));
  }

  @Post('approve')
  @HttpCode(200)
  @Allow('planner', 'admin')
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'submitted -> approved; a capacity warning needs override: { reason }' })
  @ApiOkResponse({ type: EventChangeView })
  async approve(
    @Param('id') id: string,
    @Body() dto: ApproveEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EventChangeView> {
    return view(await this.workflow.approve(id, dto, user));
  }

  @Post('reject')
  @HttpCode(200)
  @Allow('planner', 'admin')
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'submitted -> rejected, with a reason' })
  @ApiOkResponse({ type: EventChangeView })
  async reject(
    @Param('id') id: string,
    @Body() dto: RejectEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EventChangeView> {
    return view(await this.workflow.reject(id, dto, user));
  }

  @Post('cancel')
  @HttpCode(200)
  @Allow('organizer', 'planner', 'admin')
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'draft, submitted, approved or rejected -> cancelled (organizer or bureau)' })
  @ApiOkResponse({ type: EventChangeView })
  async cancel(
    @Param('id') id: string,
    @Body() dto: CancelEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EventChangeView> {
    return view(await this.workflow.cancel(id, dto, user));
  }

  @Post('complete')
  @HttpCode(200)
  @Allow('organizer', 'planner', 'admin')
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'approved -> completed after the end, with actual attendance (and revenue)' })
  @ApiOkResponse({ type: EventChangeView })
  async complete(
    @Param('id') id: string,
    @Body() dto: CompleteEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EventChangeView> {
    return view(await this.workflow.complete(id, dto, user));
  }

  @Get('history')
  @Allow()
  @Owned({ entity: Event, what: 'Event' })
  @ApiOperation({ summary: 'The audit trail: who, when, from, to, why' })
  @ApiOkResponse({ type: [EventHistoryView] })
  async history(@Param('id') id: string): Promise<EventHistoryView[]> {
    return (await this.workflow.historyOf(id)).map((h) => EventHistoryView.of(h));
  }
}
