import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../../common/auth/auth.decorators.js';
import { ErrorBody } from '../../common/errors/error-body.js';
import { mapPage } from '../../common/http/pagination.js';
import { CreateReportSubscriptionDto } from './dto/create-report-subscription.dto.js';
import { ListReportSubscriptionsQuery } from './dto/list-report-subscriptions.query.js';
import { ReportSubscriptionPage, ReportSubscriptionView } from './dto/report-subscription.view.js';
import { UpdateReportSubscriptionDto } from './dto/update-report-subscription.dto.js';
import { ReportSubscriptionsService } from './report-subscriptions.service.js';
import { ApiController } from '../../common/http/api-controller.js';

@ApiController('reports', 'report-subscriptions')
export class ReportSubscriptionsController {
  constructor(private readonly subscriptions: ReportSubscriptionsService) {}

  @Post()
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Subscribe a reader (need not be a user) to the weekly target report' })
  @ApiCreatedResponse({ type: ReportSubscriptionView })
  @ApiNotFoundResponse({ description: 'A listed target does not exist', type: ErrorBody })
  @ApiConflictResponse({ description: 'The address already has a subscription', type: ErrorBody })
  async create(
    @Body() dto: CreateReportSubscriptionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ReportSubscriptionView> {
    return ReportSubscriptionView.of(await this.subscriptions.create(dto, user));
  }

  @Get()
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'List report subscriptions, filtered by state, language or text' })
  @ApiOkResponse({ type: ReportSubscriptionPage })
  async list(@Query() query: ListReportSubscriptionsQuery): Promise<ReportSubscriptionPage> {
    return mapPage(await this.subscriptions.list(query), (s) => ReportSubscriptionView.of(s));
  }

  @Get(':id')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'One report subscription' })
  @ApiOkResponse({ type: ReportSubscriptionView })
  @ApiNotFoundResponse({ description: 'No such subscription', type: ErrorBody })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ReportSubscriptionView> {
    return ReportSubscriptionView.of(await this.subscriptions.get(id));
  }

  @Patch(':id')
  @Allow('admin', 'planner')
  @ApiOperation({ summary: 'Change a subscription: address, name, language, targets, or (re)activate it' })
  @ApiOkResponse({ type: ReportSubscriptionView })
  @ApiNotFoundResponse({ description: 'No such subscription or target', type: ErrorBody })
  @ApiConflictResponse({ description: 'The address already has a subscription', type: ErrorBody })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateReportSubscriptionDto,
  ): Promise<ReportSubscriptionView> {
    return ReportSubscriptionView.of(await this.subscriptions.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('admin', 'planner')
  @ApiOperation({
    summary: 'Delete a subscription',
    description:
      'The reader gets no more reports and the subscription leaves every list; its delivery history stays in the log, and the address may subscribe again.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such subscription', type: ErrorBody })
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.subscriptions.remove(id);
  }
}
