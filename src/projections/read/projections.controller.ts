import { Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotModifiedResponse,
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../common/auth/auth.decorators.js';
import { ApiController } from '../../common/http/api-controller.js';
import { sendCached } from '../../common/http/if-none-match.js';
import { ErrorBody } from '../../common/errors/error-body.js';
import { PageQueryDto } from '../../common/http/pagination.js';
import { EnqueuedJobView } from '../../jobs/dto/job-status.view.js';
import { ProjectionHeadlinePage, PROJECTION_METHOD, STATUS_RULE } from './dto/projection-snapshot.view.js';
import { ProjectionProgressView, TargetProjectionView } from './dto/target-projection.view.js';
import { ProjectionsService } from './projections.service.js';

const STALE =
  'Never waits for a rebuild: while one is pending (an input changed since the snapshot) it answers with the latest snapshot, `stale: true` and its `asOf`/`computedAt`; before the first rebuild, `snapshot: null` and `stale: true`.';

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  required: false,
  description: 'The ETag of a read before: 304 with no body while it is still current.',
};

@ApiController('projections', 'targets')
@ApiNotFoundResponse({ description: 'No such target', type: ErrorBody })
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get(':id/projection')
  @Allow()
  @ApiOperation({
    summary: 'Where the year is heading against the target: the latest projection snapshot',
    description: `${STALE}\n\n${PROJECTION_METHOD}`,
  })
  @ApiOkResponse({ type: TargetProjectionView })
  @ApiHeader(IF_NONE_MATCH)
  @ApiNotModifiedResponse({ description: 'The projection has not changed since that ETag' })
  async projection(
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    return sendCached(await this.projections.projectionJson(id), ifNoneMatch, reply);
  }

  @Get(':id/progress')
  @Allow()
  @ApiOperation({
    summary: 'Compact progress summary: to date, gap, projected year end, probability, status, run-rates',
    description: `The headline of the latest snapshot, with the same staleness rule. ${STALE} ${STATUS_RULE}`,
  })
  @ApiOkResponse({ type: ProjectionProgressView })
  @ApiHeader(IF_NONE_MATCH)
  @ApiNotModifiedResponse({ description: 'The progress has not changed since that ETag' })
  async progress(
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    return sendCached(await this.projections.progressJson(id), ifNoneMatch, reply);
  }

  @Get(':id/projections')
  @Allow()
  @ApiOperation({
    summary: 'Earlier projection snapshots of the target, newest first (headline figures)',
    description:
      'One snapshot per inputs version; the latest 100 per target are kept. Use it to see how the projection moved with each change.',
  })
  @ApiOkResponse({ type: ProjectionHeadlinePage })
  history(@Param('id') id: string, @Query() query: PageQueryDto): Promise<ProjectionHeadlinePage> {
    return this.projections.history(id, query);
  }

  @Post(':id/rebuild')
  @HttpCode(202)
  @Allow('admin', 'planner')
  @ApiOperation({
    summary: 'Force a rebuild of the target’s projection; returns the job to follow',
    description:
      'Marks the target dirty (a new inputs version) and queues its rebuild at once; a rebuild already waiting for the target is reused (deduplication per target). Follow it at `statusUrl`. When Redis is down: 503, and the worker’s sweep rebuilds the target once Redis is back.',
  })
  @ApiAcceptedResponse({ type: EnqueuedJobView })
  @ApiServiceUnavailableResponse({ description: 'Redis is not reachable', type: ErrorBody })
  rebuild(@Param('id') id: string): Promise<EnqueuedJobView> {
    return this.projections.requestRebuild(id);
  }
}
