import type { JobsOptions } from 'bullmq';

/**
 * The one registry of queues, job names and payloads. Payloads carry ids only: the worker reloads
 * state. A feature adds its job here with its queue and default options, and its processor in
 * the feature folder.
 */
export const QUEUES = ['maintenance'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Round trip through a worker: proves that some worker process is consuming jobs. */
  'maintenance.ping': { requestedBy: string };
}
export type JobName = keyof JobPayloads;

const retrying: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export const JOBS: { readonly [N in JobName]: { queue: QueueName; options: JobsOptions } } = {
  'maintenance.ping': {
    queue: 'maintenance',
    options: { ...retrying, attempts: 1, removeOnComplete: { age: 3600 } },
  },
};

export const isQueueName = (name: string): name is QueueName => (QUEUES as readonly string[]).includes(name);
