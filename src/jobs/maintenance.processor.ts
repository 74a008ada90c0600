import { hostname } from 'node:os';
import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from '../infra/queue/logged-worker-host.js';
import type { Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from '../infra/queue/job-handlers.js';

/** Answers pings with which worker process took them. */
@Processor('maintenance')
export class MaintenanceProcessor extends LoggedWorkerHost {
  private readonly handlers: JobHandlers<'maintenance'> = {
    'maintenance.ping': async (job) => {
      await job.updateProgress(100);
      return { pid: process.pid, host: hostname(), processedAt: new Date().toISOString() };
    },
  };

  process(job: Job): Promise<unknown> {
    return dispatchJob('maintenance', this.handlers, job);
  }
}
