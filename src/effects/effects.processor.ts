import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from '../infra/queue/logged-worker-host.js';
import type { Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from '../infra/queue/job-handlers.js';
import { EffectMeasurement } from './effect-measurement.service.js';

/** The `effects` queue: `effects.refresh` measures the completed items whose inputs changed. */
@Processor('effects')
export class EffectsProcessor extends LoggedWorkerHost {
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
