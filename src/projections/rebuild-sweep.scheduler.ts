import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { JobProducer, queueCall } from '../infra/queue/job-producer.js';
import { JOBS } from '../infra/queue/job-registry.js';
import { RebuildSweep } from './rebuild-sweep.js';

/**
 * Worker side: at start, registers the periodic `projections.sweep` (every
 * REBUILD_SWEEP_SECONDS, shared by all workers through `upsertJobScheduler`) and sweeps once
 * at once. When Redis is not reachable yet, it tries again after the same interval, without
 * holding up the start of the process.
 */
@Injectable()
export class RebuildSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RebuildSweepScheduler.name);
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly producer: JobProducer,
    private readonly sweep: RebuildSweep,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.start();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
  }

  private async start(): Promise<void> {
    try {
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
      );
      const result = await this.sweep.sweep();
      if (result.failed) throw new Error(result.error);
      if (result.dirty) this.logger.log(`Start sweep queued ${result.queued} dirty target(s)`);
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(
        `Could not sweep dirty targets at start (${(error as Error).message}); retrying in ${this.config.rebuildSweepSeconds}s`,
      );
      this.retry = setTimeout(() => void this.start(), this.config.rebuildSweepSeconds * 1000);
      this.retry.unref();
    }
  }
}
