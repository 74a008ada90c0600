import { Body, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { DeliveryPage, WeeklySendView } from './dto/delivery.view.js';
import { ListDeliveriesQuery } from './dto/list-deliveries.query.js';
import { PreviewReportQuery } from './dto/preview-report.query.js';
import { SendWeekDto } from './dto/week.dto.js';
import { ReportsService } from './reports.service.js';
import { ApiController } from '../common/http/api-controller.js';

const CONTENT_TYPES = { html: 'text/html; charset=utf-8', text: 'text/plain; charset=utf-8' };

@ApiController('reports', 'reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('weekly')
  @Allow('admin', 'planner', 'viewer')
  @ApiProduces('text/html', 'text/plain', 'application/json')
  @ApiOperation({
    summary: 'Preview the weekly target report of a week, as HTML, plain text or data, without sending it',
    description:
      'Live figures (what a run would freeze now). In HTML the chart is inlined as a data: URI; the email carries it as a cid: part.',
  })
  @ApiOkResponse({
    description: 'The report',
    content: {
      'text/html': { schema: { type: 'string' } },
      'text/plain': { schema: { type: 'string' } },
      'application/json': { schema: { type: 'object', description: 'WeeklyReportData' } },
    },
  })
  @ApiBadRequestResponse({
    description: 'Not an ISO week, or an unknown language or format',
    type: ErrorBody,
  })
  async preview(
    @Query() query: PreviewReportQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const preview = await this.reports.preview(query, user);
    if (preview.format !== 'json') reply.header('Content-Type', CONTENT_TYPES[preview.format]);
    return preview.body;
  }

  @Post('weekly/send')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({
    summary:
      'Send a finished week now, through the outbox: readers who already have it are not sent it again',
  })
  @ApiAcceptedResponse({ type: WeeklySendView })
  @ApiBadRequestResponse({ description: 'Not an ISO week', type: ErrorBody })
  @ApiUnprocessableEntityResponse({ description: 'The week is not over yet', type: ErrorBody })
  @ApiServiceUnavailableResponse({ description: 'Redis is not reachable', type: ErrorBody })
  send(@Body() dto: SendWeekDto, @CurrentUser() user: AuthUser): Promise<WeeklySendView> {
    return this.reports.send(dto.week, user);
  }

  @Get('deliveries')
  @Allow('admin', 'planner')
  @ApiOperation({
    summary: "A week's deliveries: state, attempts, last error and Message-ID of each, and counts by state",
  })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiBadRequestResponse({ description: 'Not an ISO week', type: ErrorBody })
  deliveries(@Query() query: ListDeliveriesQuery): Promise<DeliveryPage> {
    return this.reports.list(query);
  }
}
