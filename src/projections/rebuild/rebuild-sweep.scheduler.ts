import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { JobProducer } from '../../infra/queue/job-producer.js';
import { KeptScheduler } from '../../infra/queue/kept-scheduler.js';
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
  private kept: KeptScheduler<'projections.sweep'> | null = null;

  constructor(
    private readonly producer: JobProducer,
    private readonly sweep: RebuildSweep,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.kept = new KeptScheduler({
      producer: this.producer,
      schedulerId: 'projections.sweep',
      repeat: { every: this.config.rebuildSweepSeconds * 1000 },
      job: 'projections.sweep',
      data: { reason: 'periodic' },
      afterRegister: () => this.sweepOnce(),
      retryMs: this.config.rebuildSweepSeconds * 1000,
      logger: this.logger,
      what: 'the rebuild sweep',
    });
    void this.kept.start();
  }

  onApplicationShutdown(): void {
    this.kept?.stop();
  }

  private async sweepOnce(): Promise<void> {
    const result = await this.sweep.sweep();
    if (result.failed) throw new Error(result.error);
    if (result.dirty) this.logger.log(`Sweep queued ${result.queued} dirty target(s)`);
  }
}
