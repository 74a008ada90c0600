import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { Processor, WorkerHost, OnWorkerEvent } from '@nestjs/bullmq';
import { redisErrorLog } from '../infra/queue/redis-error-log.js';
import type { Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from '../infra/queue/job-handlers.js';

/** Answers pings with which worker process took them. */
@Processor('maintenance')
export class MaintenanceProcessor extends WorkerHost {
  /** Connection errors as a throttled warning, not a stack trace per reconnect attempt. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logRedisError(error);
  }

  private readonly logRedisError = redisErrorLog(new Logger('MaintenanceProcessor'), 'Worker maintenance');

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
