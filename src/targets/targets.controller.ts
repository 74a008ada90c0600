import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import { mapPage, type Page } from '../common/http/pagination.js';
import { CreateTargetDto } from './dto/create-target.dto.js';
import { ListTargetsQuery } from './dto/list-targets.query.js';
import { TargetPathQuery } from './dto/target-path.query.js';
import { TargetPage, TargetPathView, TargetView } from './dto/target.view.js';
import { UpdateTargetDto } from './dto/update-target.dto.js';
import { TargetPathService } from './target-path.service.js';
import { TargetsService } from './targets.service.js';
import { ApiController } from '../common/http/api-controller.js';
import { Target } from './target.entity.js';
import { Versioned } from '../common/http/versioned.js';

@Versioned({ entity: Target, what: 'Target' })
@ApiController('targets', 'targets')
export class TargetsController {
  constructor(
    private readonly targets: TargetsService,
    private readonly paths: TargetPathService,
  ) {}

  @Post()
  @Allow('admin', 'planner')
  @ApiOperation({
    summary: 'Set a yearly target (one per year, metric and scope)',
    description:
      'The total is computed from the baseline year’s daily actuals of the same metric and scope (sum × (1 + growthRate)) when every day of the baseline year has a figure; otherwise give `targetTotal`, and the target says `totalSource: entered`.',
  })
  @ApiCreatedResponse({ type: TargetView })
  @ApiConflictResponse({ description: 'A target for that year, metric and scope exists', type: ErrorBody })
  @ApiUnprocessableEntityResponse({
    description: 'Total missing or not allowed (see description), or unknown venue',
    type: ErrorBody,
  })
  async create(@Body() dto: CreateTargetDto, @CurrentUser() user: AuthUser): Promise<TargetView> {
    return TargetView.of(await this.targets.create(dto, user));
  }

  @Get()
  @Allow()
  @ApiOperation({ summary: 'List targets' })
  @ApiOkResponse({ type: TargetPage })
  async list(@Query() query: ListTargetsQuery): Promise<Page<TargetView>> {
    return mapPage(await this.targets.page(query), (t) => TargetView.of(t));
  }

  @Get(':id')
  @Allow()
  @ApiOperation({ summary: 'One target with its total' })
  @ApiOkResponse({ type: TargetView })
  @ApiNotFoundResponse({ type: ErrorBody })
  async get(@Param('id') id: string): Promise<TargetView> {
    return TargetView.of(await this.targets.get(id));
  }

  @Get(':id/path')
  @Allow()
  @ApiOperation({
    summary: 'The cumulative target path by day',
    description:
      'How much of the yearly total the year should have brought by each day. Shaped like the baseline year’s daily figures with the moving public holidays (Spring Festival, Qingming, May Day, Dragon Boat, Mid-Autumn, National Day, New Year, and their swapped working days) moved to the target year’s dates, so that "where should we be by today" is fair in February; ordinary days keep their weekday. Uniform when the baseline year has figures for fewer than 80 % of its days. The days of the whole year add up to the total exactly.',
  })
  @ApiOkResponse({ type: TargetPathView })
  @ApiBadRequestResponse({ description: 'from/to outside the target year', type: ErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  path(@Param('id') id: string, @Query() query: TargetPathQuery): Promise<TargetPathView> {
    return this.paths.read(id, query.from, query.to);
  }

  @Patch(':id')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Change a target’s baseline year, growth, entered total or note' })
  @ApiOkResponse({ type: TargetView })
  @ApiNotFoundResponse({ type: ErrorBody })
  @ApiUnprocessableEntityResponse({ type: ErrorBody })
  async update(@Param('id') id: string, @Body() dto: UpdateTargetDto): Promise<TargetView> {
    return TargetView.of(await this.targets.update(id, dto));
  }

  @Delete(':id')
  @Allow('admin', 'planner')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a target' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorBody })
  async remove(@Param('id') id: string): Promise<void> {
    await this.targets.remove(id);
  }
}
