import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from '../../infra/queue/logged-worker-host.js';
import { UnrecoverableError, type Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from '../../infra/queue/job-handlers.js';
import { cappedExponential } from '../../infra/queue/job-registry.js';
import { DeliveryFailedError, ReportDeliveryService } from './report-delivery.service.js';
import { WeeklyRunService } from './weekly-run.service.js';
import { errorMessage } from '../../common/errors/error-message.js';

/**
 * The `reports` queue. Short jobs, so a short lock: a worker that dies mid-job has its jobs
 * handed to another worker within ~20 s (lock 15 s + stalled check every 5 s).
 */
@Processor('reports', {
  concurrency: 8,
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 3,
  settings: { backoffStrategy: (attemptsMade: number) => cappedExponential(attemptsMade) },
})
export class ReportsProcessor extends LoggedWorkerHost {
  constructor(
    private readonly runs: WeeklyRunService,
    private readonly delivery: ReportDeliveryService,
  ) {
    super();
  }

  private readonly handlers: JobHandlers<'reports'> = {
    'reports.weekly-run': async (job) => {
      let week;
      try {
        week = this.runs.weekOf(job);
      } catch (error) {
        throw new UnrecoverableError(errorMessage(error));
      }
      return this.runs.run(week);
    },
    'reports.deliver': async (job) => {
      try {
        return { outcome: await this.delivery.deliver(job.data.deliveryId) };
      } catch (error) {
        if (error instanceof DeliveryFailedError && error.permanent)
          throw new UnrecoverableError(error.message);
        throw error;
      }
    },
  };

  process(job: Job): Promise<unknown> {
    return dispatchJob('reports', this.handlers, job);
  }
}
