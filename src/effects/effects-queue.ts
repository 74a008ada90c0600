import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { JobProducer } from '../infra/queue/job-producer.js';
import type { JobPayloads } from '../infra/queue/job-registry.js';
import { InjectRedis } from '../infra/redis/redis.module.js';
import { ProjectionInputs, type InputChange } from '../projections/rebuild/projection-inputs.js';
import { errorMessage } from '../common/errors/error-message.js';

/** The one deduplication id: at most one refresh waits while one runs. */
export const EFFECTS_REFRESH_ID = 'effects-refresh';

/**
 * Queues `effects.refresh` when something an effect depends on changes: a campaign or an event
 * (completing it, or editing its dates or expectations) or actuals (in or before a window). It
 * follows the changes reported to ProjectionInputs, the one door every feature already uses.
 *
 * BullMQ deduplication on one id with `keepLastIfActive` and a short delay: a burst of changes
 * collapses into one refresh, a change during a refresh leaves one follow-up. The refresh reads
 * the latest rows and skips the inputs versions already measured, so queuing more is harmless.
 * When Redis is down the change still succeeds; the worker's start refresh catches up.
 */
@Injectable()
export class EffectsQueue implements OnModuleInit {
  private readonly logger = new Logger(EffectsQueue.name);

  constructor(
    private readonly producer: JobProducer,
    private readonly inputs: ProjectionInputs,
    @InjectConfig() private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.inputs.follow((change) => this.onChange(change));
  }

  async onChange(change: InputChange): Promise<void> {
    if (change.source !== 'campaign' && change.source !== 'event' && change.source !== 'actual') return;
    await this.enqueue('change');
  }

  /** Never throws: a failure is logged. Returns whether the job was queued (or joined). */
  async enqueue(reason: JobPayloads['effects.refresh']['reason'], failFast = true): Promise<boolean> {
    if (failFast && this.redis.status !== 'ready') return false;
    try {
      await this.producer.add(
        'effects.refresh',
        { reason },
        {
          delay: this.config.rebuildDelayMs,
          deduplication: { id: EFFECTS_REFRESH_ID, keepLastIfActive: true },
        },
      );
      return true;
    } catch (error) {
      this.logger.warn(`Could not queue the effects refresh (${errorMessage(error)})`);
      return false;
    }
  }
}
