import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { JobProducer } from '../infra/queue/job-producer.js';
import { InjectRedis } from '../infra/redis/redis.module.js';

/**
 * Queues `scenarios.project` jobs, deduplicated per (scenario, target) with `keepLastIfActive`:
 * any number of reads and edits while one waits join it, and a change while one runs leaves
 * exactly one follow-up. Payloads carry ids; the job reads the latest rows.
 */
@Injectable()
export class ScenarioQueue {
  constructor(
    private readonly producer: JobProducer,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** Queues the job; never throws (returns false when Redis is not reachable). */
  async enqueue(scenarioId: string, targetId: string): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    try {
      await this.add(scenarioId, targetId);
      return true;
    } catch {
      return false;
    }
  }

  add(scenarioId: string, targetId: string): Promise<Job<{ scenarioId: string; targetId: string }>> {
    return this.producer.add(
      'scenarios.project',
      { scenarioId, targetId },
      { deduplication: { id: `${scenarioId}:${targetId}`, keepLastIfActive: true } },
    );
  }
}
