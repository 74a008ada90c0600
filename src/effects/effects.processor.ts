import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { redisErrorLog } from '../infra/queue/redis-error-log.js';
import type { Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from '../infra/queue/job-handlers.js';
import { EffectMeasurement } from './effect-measurement.service.js';

/** The `effects` queue: `effects.refresh` measures the completed items whose inputs changed. */
@Processor('effects')
export class EffectsProcessor extends WorkerHost {
  /** Connection errors as a throttled warning, not an unhandled 'error' event per reconnect. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logRedisError(error);
  }

  private readonly logRedisError = redisErrorLog(new Logger('EffectsProcessor'), 'Worker effects');

  constructor(private readonly measurement: EffectMeasurement) {
    super();
  }

  private readonly handlers: JobHandlers<'effects'> = {
    'effects.refresh': () => this.measurement.refresh(),
  };

  process(job: Job): Promise<unknown> {
    return dispatchJob('effects', this.handlers, job);
  }
}
