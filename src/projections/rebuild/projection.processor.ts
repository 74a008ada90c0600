import { Inject, Logger } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from '../../infra/queue/logged-worker-host.js';
import { UnrecoverableError, type Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from '../../infra/queue/job-handlers.js';
import type { JobPayloads } from '../../infra/queue/job-registry.js';
import { ProjectionRebuild, TargetGoneError, type RebuildResult } from './projection-rebuild.service.js';
import { RebuildSweep } from './rebuild-sweep.js';
import { PROJECTION_WARM_UP } from './projection-warm-up.js';

/**
 * The `projections` queue: `projections.sweep` re-queues dirty targets; `projections.rebuild`
 * rebuilds one target's projection (see ProjectionRebuild), reporting progress 0-100. Failures
 * are retried with exponential backoff (job registry); a target that no longer exists fails at
 * once (UnrecoverableError).
 */
@Processor('projections')
export class ProjectionProcessor extends LoggedWorkerHost {
  private readonly logger = new Logger(ProjectionProcessor.name);

  constructor(
    private readonly sweep: RebuildSweep,
    private readonly rebuilds: ProjectionRebuild,
    /** Built first, so the worker takes no job before the maths has run once (see projectionWarmUp). */
    @Inject(PROJECTION_WARM_UP) readonly warmUpMs: number,
  ) {
    super();
  }

  private readonly handlers: JobHandlers<'projections'> = {
    'projections.sweep': async () => {
      const result = await this.sweep.sweep();
      if (result.dirty) this.logger.log(`Sweep queued ${result.queued} of ${result.dirty} dirty target(s)`);
      return result;
    },
    'projections.rebuild': (job) => this.rebuild(job),
  };

  process(job: Job): Promise<unknown> {
    return dispatchJob('projections', this.handlers, job);
  }

  private async rebuild(job: Job<JobPayloads['projections.rebuild']>): Promise<RebuildResult> {
    try {
      return await this.rebuilds.run(job.data.targetId, (percent) => job.updateProgress(percent));
    } catch (error) {
      if (error instanceof TargetGoneError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
