import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { JobProducer } from '../infra/queue/job-producer.js';
import { KeptScheduler } from '../infra/queue/kept-scheduler.js';

/** The id of the periodic effects refresh's job scheduler. */
export const EFFECTS_REFRESH_SCHEDULER = 'effects.refresh';

/**
 * Worker side: keeps a periodic refresh registered (every REBUILD_SWEEP_SECONDS, shared by all
 * workers through `upsertJobScheduler`; no immediate one, so a start, and the demo seed's
 * transaction in `npm start`, are not slowed by measuring), so effects whose inputs changed while
 * no worker ran, while Redis was down, or through the demo seed (written after the worker
 * started) are measured. A refresh that finds nothing new only hashes inputs. Registered again
 * after Redis comes back or whenever it is found gone (see KeptScheduler), with a worker's
 * patience: a start that keeps the event loop busy (the demo seed) is no reason to give up.
 */
@Injectable()
export class EffectsStartScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EffectsStartScheduler.name);
  private kept: KeptScheduler<'effects.refresh'> | null = null;

  constructor(
    private readonly producer: JobProducer,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.kept = new KeptScheduler({
      producer: this.producer,
      schedulerId: EFFECTS_REFRESH_SCHEDULER,
      repeat: { every: this.config.rebuildSweepSeconds * 1000 },
      job: 'effects.refresh',
      data: { reason: 'periodic' },
      retryMs: this.config.rebuildSweepSeconds * 1000,
      logger: this.logger,
      what: 'the periodic effects refresh',
    });
    void this.kept.start();
  }

  onApplicationShutdown(): void {
    this.kept?.stop();
  }
}
