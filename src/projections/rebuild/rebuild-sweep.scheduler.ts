import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { JobProducer, queueCall, WORKER_QUEUE_TIMEOUT_MS } from '../../infra/queue/job-producer.js';
import { KeptScheduler } from '../../infra/queue/kept-scheduler.js';
import { JOBS } from '../../infra/queue/job-registry.js';
import { RebuildSweep } from './rebuild-sweep.js';

/**
 * Worker side: keeps the periodic `projections.sweep` registered (every REBUILD_SWEEP_SECONDS,
 * shared by all workers through `upsertJobScheduler`) and sweeps once each time it registers it:
 * at start, after Redis comes back (a Redis restarted empty loses its schedulers), and whenever a
 * check finds it gone (see KeptScheduler). Never holds up the start of the process.
 */
@Injectable()
export class RebuildSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RebuildSweepScheduler.name);
  private kept: KeptScheduler | null = null;

  constructor(
    private readonly producer: JobProducer,
    private readonly sweep: RebuildSweep,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.kept = new KeptScheduler({
      queue: this.producer.queue('projections'),
      schedulerId: 'projections.sweep',
      register: () => this.register(),
      retryMs: this.config.rebuildSweepSeconds * 1000,
      logger: this.logger,
      what: 'the rebuild sweep',
    });
    void this.kept.start();
  }

  onApplicationShutdown(): void {
    this.kept?.stop();
  }

  private async register(): Promise<void> {
    await queueCall(
      this.producer.queue('projections').upsertJobScheduler(
        'projections.sweep',
        { every: this.config.rebuildSweepSeconds * 1000 },
        {
          name: 'projections.sweep',
          data: { reason: 'periodic' },
          opts: JOBS['projections.sweep'].options,
        },
      ),
      WORKER_QUEUE_TIMEOUT_MS,
    );
    const result = await this.sweep.sweep();
    if (result.failed) throw new Error(result.error);
    if (result.dirty) this.logger.log(`Sweep queued ${result.queued} dirty target(s)`);
  }
}
