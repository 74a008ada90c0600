import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads } from '../infra/queue/job-registry.js';
import { ScenarioGoneError, ScenarioProjector } from './scenario-projector.js';

/** The `scenarios` queue: `scenarios.project` (see ScenarioProjector); a vanished scenario or target fails at once. */
@Processor('scenarios')
export class ScenarioProjectionProcessor extends WorkerHost {
  constructor(private readonly projector: ScenarioProjector) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== 'scenarios.project')
      throw new UnrecoverableError(`Unknown job ${job.name} on queue scenarios`);
    const { scenarioId, targetId } = job.data as JobPayloads['scenarios.project'];
    try {
      return await this.projector.run(scenarioId, targetId);
    } catch (error) {
      if (error instanceof ScenarioGoneError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
