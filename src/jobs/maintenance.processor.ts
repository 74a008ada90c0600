import { hostname } from 'node:os';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads } from '../infra/queue/job-registry.js';

/** Answers pings with which worker process took them. */
@Processor('maintenance')
export class MaintenanceProcessor extends WorkerHost {
  async process(
    job: Job<JobPayloads['maintenance.ping']>,
  ): Promise<{ pid: number; host: string; processedAt: string }> {
    if (job.name !== 'maintenance.ping')
      throw new UnrecoverableError(`Unknown job ${job.name} on queue maintenance`);
    await job.updateProgress(100);
    return { pid: process.pid, host: hostname(), processedAt: new Date().toISOString() };
  }
}
