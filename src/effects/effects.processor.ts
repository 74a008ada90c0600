import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { EffectMeasurement, type RefreshResult } from './effect-measurement.service.js';

/** The `effects` queue: `effects.refresh` measures the completed items whose inputs changed. */
@Processor('effects')
export class EffectsProcessor extends WorkerHost {
  constructor(private readonly measurement: EffectMeasurement) {
    super();
  }

  async process(job: Job): Promise<RefreshResult> {
    if (job.name !== 'effects.refresh')
      throw new UnrecoverableError(`Unknown job ${job.name} on queue effects`);
    return this.measurement.refresh();
  }
}
