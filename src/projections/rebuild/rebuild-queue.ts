import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { JobProducer, QUEUE_TIMEOUT_MS, WORKER_QUEUE_TIMEOUT_MS } from '../../infra/queue/job-producer.js';
import { InjectRedis } from '../../infra/redis/redis.module.js';
import { errorMessage } from '../../common/errors/error-message.js';

export interface EnqueueResult {
  queued: number;
  failed: number;
  /** Why the first failure happened (Redis down...). */
  error?: string;
}

/** How many adds are in flight at once when a change touches many targets. */
const PARALLEL = 20;
/** After a failed add, user requests stop trying Redis for this long. */
const BREAKER_MS = 5_000;

export interface EnqueueOptions {
  delay?: number;
  /**
   * Default true (user requests): skip Redis at once when the process's Redis client is not
   * connected or an add failed in the last few seconds, instead of waiting for the producer's
   * timeout on every request; the dirty mark in the database is enough. The worker's sweep
   * passes false and waits.
   */
  failFast?: boolean;
}

/**
 * Queues `projections.rebuild` jobs, one per target, collapsing bursts.
 *
 * BullMQ deduplication, per target id, in simple mode with `keepLastIfActive` and a short
 * `delay` (REBUILD_DELAY_MS):
 * - the first change of a burst queues a job that waits `delay`; every change while it waits
 *   is dropped (it will read the database when it runs, so it sees them all);
 * - a change while the rebuild is running is kept as ONE follow-up job that BullMQ creates when
 *   the running one finishes, so the last change is never lost and at most two jobs exist per
 *   target (one running, one waiting);
 * - payloads carry only the target id, so "the latest data wins" holds by construction: a
 *   rebuild always reads the latest rows.
 * We do not use the debounce mode (`replace` + `extend` with a ttl): it pushes the job back at
 * every change, so a steady stream of edits (one every few hundred milliseconds during an
 * import of events) would postpone the rebuild indefinitely. Here a projection lags the last
 * change by at most about `delay` + two rebuild times.
 */
@Injectable()
export class RebuildQueue {
  private downUntil = 0;

  constructor(
    private readonly producer: JobProducer,
    @InjectConfig() private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** Never throws: failures are counted (the dirty mark in the database remains). */
  async enqueue(targetIds: string[], options: EnqueueOptions = {}): Promise<EnqueueResult> {
    const result: EnqueueResult = { queued: 0, failed: 0 };
    const failFast = options.failFast ?? true;
    if (failFast && (this.redis.status !== 'ready' || Date.now() < this.downUntil)) {
      return { queued: 0, failed: targetIds.length, error: `Redis is not connected (${this.redis.status})` };
    }
    for (let i = 0; i < targetIds.length; i += PARALLEL) {
      const chunk = targetIds.slice(i, i + PARALLEL);
      if (result.failed) {
        // Redis already failed for this call: do not wait on it again for every target.
        result.failed += chunk.length;
        continue;
      }
      const settled = await Promise.allSettled(
        chunk.map((id) =>
          this.add(id, { ...options, timeoutMs: failFast ? QUEUE_TIMEOUT_MS : WORKER_QUEUE_TIMEOUT_MS }),
        ),
      );
      for (const s of settled) {
        if (s.status === 'fulfilled') result.queued++;
        else {
          result.failed++;
          result.error ??= errorMessage(s.reason);
          this.downUntil = Date.now() + BREAKER_MS;
        }
      }
    }
    return result;
  }

  /** Queues (or joins) the rebuild of one target; throws when Redis is unreachable. */
  add(
    targetId: string,
    options: { delay?: number; timeoutMs?: number } = {},
  ): Promise<Job<{ targetId: string }>> {
    return this.producer.add(
      'projections.rebuild',
      { targetId },
      {
        delay: options.delay ?? this.config.rebuildDelayMs,
        deduplication: { id: targetId, keepLastIfActive: true },
      },
      options.timeoutMs,
    );
  }
}
