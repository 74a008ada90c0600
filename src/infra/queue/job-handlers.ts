import { UnrecoverableError, type Job } from 'bullmq';
import type { JobPayloads, QueueJobName, QueueName } from './job-registry.js';

/**
 * A queue's consumer as one handler per job name of that queue (from the job registry), each
 * given its job with the registry's payload type. The map must name every job of the queue and
 * no other: a job added to the registry without its handler is a compile error.
 */
export type JobHandlers<Q extends QueueName> = {
  readonly [N in QueueJobName<Q>]: (job: Job<JobPayloads[N], unknown, N>) => Promise<unknown>;
};

/**
 * Runs a job pulled from queue `queue` with its handler. A job name the queue does not know (a
 * job left by an older or newer version of the code) fails at once, without retries.
 */
export async function dispatchJob<Q extends QueueName>(
  queue: Q,
  handlers: JobHandlers<Q>,
  job: Job,
): Promise<unknown> {
  if (!Object.hasOwn(handlers, job.name))
    throw new UnrecoverableError(`Unknown job ${job.name} on queue ${queue}`);
  // The one unchecked step: what Redis hands back is trusted to match the registry's payload
  // for its name, as every producer adds jobs through the typed JobProducer.
  const handler = handlers[job.name as QueueJobName<Q>] as (job: Job) => Promise<unknown>;
  return handler(job);
}
