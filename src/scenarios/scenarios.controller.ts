import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import {
  AddScenarioChangeDto,
  CreateScenarioDto,
  ListScenariosQuery,
  ScenarioProjectionQuery,
  UpdateScenarioDto,
} from './dto/scenario.dto.js';
import { ScenarioProjectionView } from './dto/scenario-projection.view.js';
import { ScenarioPage, ScenarioView } from './dto/scenario.view.js';
import { ScenarioProjectionsService } from './scenario-projections.service.js';
import { ScenariosService } from './scenarios.service.js';
import { ApiController } from '../common/http/api-controller.js';

const READERS = ['admin', 'planner', 'viewer'] as const;

@ApiController('scenarios', 'scenarios')
@ApiNotFoundResponse({
  description: 'No such scenario, change, target, campaign, event or venue',
  type: ErrorBody,
})
export class ScenariosController {
  constructor(
    private readonly scenarios: ScenariosService,
    private readonly projections: ScenarioProjectionsService,
  ) {}

  @Post()
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Draft a what-if scenario (kept apart from the official plan)' })
  @ApiCreatedResponse({ type: ScenarioView })
  create(@Body() dto: CreateScenarioDto, @CurrentUser() user: AuthUser): Promise<ScenarioView> {
    return this.scenarios.create(dto, user);
  }

  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'Scenarios, newest first' })
  @ApiOkResponse({ type: ScenarioPage })
  list(@Query() query: ListScenariosQuery): Promise<ScenarioPage> {
    return this.scenarios.list(query);
  }

  @Get(':id')
  @Allow(...READERS)
  @ApiOperation({ summary: 'One scenario with its changes' })
  @ApiOkResponse({ type: ScenarioView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ScenarioView> {
    return this.scenarios.get(id);
  }

  @Patch(':id')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Rename or describe a scenario' })
  @ApiOkResponse({ type: ScenarioView })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateScenarioDto): Promise<ScenarioView> {
    return this.scenarios.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Delete a scenario (the official plan is untouched)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.scenarios.remove(id);
  }

  @Post(':id/changes')
  @Allow('admin', 'planner')
  @ApiOperation({
    summary: 'Add a change: a tentative campaign or event, or cancel / move / change an official one',
    description:
      '`add_campaign`: name, startDate, endDate, optional channel, budgetYuan and expected increments. `add_event`: name, venueId, startDate, endDate, expectedAttendance, optional outside-city share and spend per attendee. `cancel`: campaignId or eventId. `move`: campaignId or eventId and the new startDate (optional endDate). `change`: campaignId with expected increments, or eventId with expected attendance, outside share or spend. A field the action does not take is a 400 naming it; a completed or cancelled item is a 422.',
  })
  @ApiCreatedResponse({ type: ScenarioView })
  @ApiUnprocessableEntityResponse({ description: 'The item is completed or cancelled', type: ErrorBody })
  addChange(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddScenarioChangeDto,
  ): Promise<ScenarioView> {
    return this.scenarios.addChange(id, dto);
  }

  @Delete(':id/changes/:changeId')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Remove a change from a scenario' })
  @ApiOkResponse({ type: ScenarioView })
  removeChange(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('changeId', ParseUUIDPipe) changeId: string,
  ): Promise<ScenarioView> {
    return this.scenarios.removeChange(id, changeId);
  }

  @Get(':id/projection')
  @Allow(...READERS)
  @ApiOperation({
    summary: 'A target’s projection with the scenario applied, beside the official one',
    description:
      'Computed by a queued, deduplicated job with the same projection maths as the official projection, and stored per scenario version and target inputs version. Never waits: `stale: true` (with the latest figures, or none yet) while the current one is being computed, `pending: true` when this read queued it.',
  })
  @ApiOkResponse({ type: ScenarioProjectionView })
  projection(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ScenarioProjectionQuery,
  ): Promise<ScenarioProjectionView> {
    return this.projections.projection(id, query.target);
  }
}
