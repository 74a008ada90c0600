import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { Processor, WorkerHost, OnWorkerEvent } from '@nestjs/bullmq';
import { redisErrorLog } from '../infra/queue/redis-error-log.js';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads } from '../infra/queue/job-registry.js';

/** Answers pings with which worker process took them. */
@Processor('maintenance')
export class MaintenanceProcessor extends WorkerHost {
  /** Connection errors as a throttled warning, not a stack trace per reconnect attempt. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logRedisError(error);
  }

  private readonly logRedisError = redisErrorLog(new Logger('MaintenanceProcessor'), 'Worker maintenance');

  async process(
    job: Job<JobPayloads['maintenance.ping']>,
  ): Promise<{ pid: number; host: string; processedAt: string }> {
    if (job.name !== 'maintenance.ping')
      throw new UnrecoverableError(`Unknown job ${job.name} on queue maintenance`);
    await job.updateProgress(100);
    return { pid: process.pid, host: hostname(), processedAt: new Date().toISOString() };
  }
}
