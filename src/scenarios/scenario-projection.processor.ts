import { Processor } from '@nestjs/bullmq';
import { LoggedWorkerHost } from '../infra/queue/logged-worker-host.js';
import { UnrecoverableError, type Job } from 'bullmq';
import { dispatchJob, type JobHandlers } from '../infra/queue/job-handlers.js';
import { ScenarioGoneError, ScenarioProjector } from './scenario-projector.js';

/** The `scenarios` queue: `scenarios.project` (see ScenarioProjector); a vanished scenario or target fails at once. */
@Processor('scenarios')
export class ScenarioProjectionProcessor extends LoggedWorkerHost {
  constructor(private readonly projector: ScenarioProjector) {
    super();
  }

  private readonly handlers: JobHandlers<'scenarios'> = {
    'scenarios.project': async (job) => {
      try {
        return await this.projector.run(job.data.scenarioId, job.data.targetId);
      } catch (error) {
        if (error instanceof ScenarioGoneError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
  };

  process(job: Job): Promise<unknown> {
    return dispatchJob('scenarios', this.handlers, job);
  }
}
