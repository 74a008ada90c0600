import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { withTimeout } from '../../common/async/with-timeout.js';
import { UnavailableError } from '../../common/errors/domain-error.js';
import { JOBS, type JobName, type JobPayloads, type QueueName } from './job-registry.js';
import { errorMessage } from '../../common/errors/error-message.js';

/** Raised when Redis does not answer: the change itself is kept, only the job is not queued. */
export class QueueUnavailableError extends UnavailableError {
  constructor(cause: unknown) {
    super('queue_unavailable', `The job queue (Redis) is not reachable: ${errorMessage(cause)}`);
  }
}

/**
 * Adds jobs by registry name, so the queue, payload type and default options always match.
 * Producers do not buffer while Redis is down: `add` fails at once.
 */
@Injectable()
export class JobProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** `timeoutMs`: how long to wait for Redis (default QUEUE_TIMEOUT_MS, for requests). */
  async add<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: JobsOptions = {},
    timeoutMs = QUEUE_TIMEOUT_MS,
  ): Promise<Job<JobPayloads[N]>> {
    const job = JOBS[name];
    return queueCall(
      this.queue(job.queue).add(name, payload, { ...job.options, ...options }),
      timeoutMs,
    ) as Promise<Job<JobPayloads[N]>>;
  }

  /**
   * Adds many jobs of one name in one round trip per `chunk` jobs (BullMQ `addBulk`), each with
   * the registry's default options under its own. A job whose id already exists is not added
   * again. `timeoutMs` bounds each chunk.
   */
  async addBulk<N extends JobName>(
    name: N,
    jobs: readonly { payload: JobPayloads[N]; options?: JobsOptions }[],
    { chunk = 500, timeoutMs = QUEUE_TIMEOUT_MS }: { chunk?: number; timeoutMs?: number } = {},
  ): Promise<Job<JobPayloads[N]>[]> {
    const job = JOBS[name];
    const queue = this.queue(job.queue);
    const added: Job<JobPayloads[N]>[] = [];
    for (let i = 0; i < jobs.length; i += chunk) {
      const bulk = jobs.slice(i, i + chunk).map(({ payload, options }) => ({
        name,
        data: payload,
        opts: { ...job.options, ...options },
      }));
      added.push(...((await queueCall(queue.addBulk(bulk), timeoutMs)) as Job<JobPayloads[N]>[]));
    }
    return added;
  }
}

/**
 * How long a request waits for Redis to take a job. Short enough that a stalled Redis (connected
 * but silent) answers 503 well within 2 s; a healthy Redis takes a job in about a millisecond.
 */
export const QUEUE_TIMEOUT_MS = 1_000;

/** The patience of worker-side calls (schedulers, sweeps), which hold up no request. */
export const WORKER_QUEUE_TIMEOUT_MS = 10_000;

/** Bounds a queue call; any failure of Redis becomes a {@link QueueUnavailableError}. */
export async function queueCall<T>(call: Promise<T>, timeoutMs = QUEUE_TIMEOUT_MS): Promise<T> {
  try {
    return await withTimeout(call, timeoutMs);
  } catch (error) {
    throw new QueueUnavailableError(error);
  }
}
