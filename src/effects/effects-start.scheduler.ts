import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { JobProducer, queueCall } from '../infra/queue/job-producer.js';
import { JOBS } from '../infra/queue/job-registry.js';

/**
 * Worker side: registers a periodic refresh (every REBUILD_SWEEP_SECONDS, shared by all workers
 * through `upsertJobScheduler`; no immediate one, so a start, and the demo seed's transaction
 * in `npm start`, are not slowed by measuring), so effects whose
 * inputs changed while no worker ran, while Redis was down, or through the demo seed (written
 * after the worker started) are measured. A refresh that finds nothing new only hashes inputs.
 */
@Injectable()
export class EffectsStartScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(EffectsStartScheduler.name);

  constructor(
    private readonly producer: JobProducer,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      await queueCall(
        this.producer
          .queue('effects')
          .upsertJobScheduler(
            'effects.refresh',
            { every: this.config.rebuildSweepSeconds * 1000 },
            { name: 'effects.refresh', data: { reason: 'periodic' }, opts: JOBS['effects.refresh'].options },
          ),
      );
    } catch (error) {
      this.logger.warn(`Could not schedule the periodic effects refresh (${(error as Error).message})`);
    }
  }
}
