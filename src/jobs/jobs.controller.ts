import { Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { EnqueuedJobView, JobStatusView } from './dto/job-status.view.js';
import { JobsService } from './jobs.service.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('jobs', 'jobs')
@ApiServiceUnavailableResponse({ description: 'Redis is not reachable', type: ErrorBody })
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':queue/:id')
  @Allow()
  @ApiOperation({ summary: 'State, progress, attempts and failure reason of a queued job' })
  @ApiOkResponse({ type: JobStatusView })
  @ApiNotFoundResponse({
    description: 'No such queue or job (finished jobs are kept for a while)',
    type: ErrorBody,
  })
  status(@Param('queue') queue: string, @Param('id') id: string): Promise<JobStatusView> {
    return this.jobs.status(queue, id);
  }

  @Post('ping')
  @HttpCode(202)
  @Allow('admin')
  @ApiOperation({ summary: 'Send a ping through the queue: completes only if a worker process is running' })
  @ApiAcceptedResponse({ type: EnqueuedJobView })
  ping(@CurrentUser() user: AuthUser): Promise<EnqueuedJobView> {
    return this.jobs.ping(user.id);
  }
}
