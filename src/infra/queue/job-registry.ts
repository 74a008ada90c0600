import type { JobsOptions } from 'bullmq';

/**
 * The one registry of queues, job names and payloads. Payloads carry ids only: the worker reloads
 * state. A feature adds its job here with its queue and default options, and its processor in
 * the feature folder.
 */
export const QUEUES = ['maintenance', 'reports', 'projections', 'scenarios', 'effects'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobPayloads {
  /** Round trip through a worker: proves that some worker process is consuming jobs. */
  'maintenance.ping': { requestedBy: string };
  /** Fans out one delivery per active subscription; `week` (2022-W14) defaults to the week just ended. */
  'reports.weekly-run': { week?: string; requestedBy?: string };
  /** Sends one outbox row (report_deliveries): at least once, always with the row's Message-ID. */
  'reports.deliver': { deliveryId: string };
  /** Rebuilds one target's projection from the latest data (deduplicated per target). */
  'projections.rebuild': { targetId: string };
  /** Re-enqueues a rebuild for every target marked dirty in the database (start and periodic). */
  'projections.sweep': { reason: 'start' | 'periodic' | 'manual' };
  /** Projects one target with a scenario applied, beside the official projection (deduplicated per pair). */
  'scenarios.project': { scenarioId: string; targetId: string };
  /** Measures the effects of completed items whose inputs changed (deduplicated: one waiting at most). */
  'effects.refresh': { reason: 'change' | 'periodic' | 'manual' };
}
export type JobName = keyof JobPayloads;

const retrying: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Each job's queue and default options (`satisfies` keeps each queue's literal name for {@link QueueJobName}). */
export const JOBS = {
  'maintenance.ping': {
    queue: 'maintenance',
    options: { ...retrying, attempts: 1, removeOnComplete: { age: 3600 } },
  },
  'reports.weekly-run': { queue: 'reports', options: { ...retrying, attempts: 5 } },
  'reports.deliver': {
    queue: 'reports',
    // 5 s doubling up to 30 min, for about a day: a long mail outage delays a week's report
    // but does not skip it (see cappedExponential, the reports worker's backoff strategy).
    options: { ...retrying, attempts: 60, backoff: { type: 'capped-exponential', delay: 5_000 } },
  },
  'projections.rebuild': {
    queue: 'projections',
    options: { ...retrying, attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
  },
  'effects.refresh': {
    queue: 'effects',
    options: { ...retrying, attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  },
  'projections.sweep': {
    queue: 'projections',
    options: { attempts: 1, removeOnComplete: { age: 3600, count: 100 }, removeOnFail: { age: 24 * 3600 } },
  },
  'scenarios.project': {
    queue: 'scenarios',
    options: { ...retrying, attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
  },
} satisfies { readonly [N in JobName]: { queue: QueueName; options: JobsOptions } };

/** The job names of one queue, e.g. `QueueJobName<'reports'>` = 'reports.weekly-run' | 'reports.deliver'. */
export type QueueJobName<Q extends QueueName> = {
  [N in JobName]: (typeof JOBS)[N]['queue'] extends Q ? N : never;
}[JobName];

export const isQueueName = (name: string): name is QueueName => (QUEUES as readonly string[]).includes(name);

/** Backoff `capped-exponential`: the job's delay doubling per attempt, never above 30 minutes. */
export function cappedExponential(attemptsMade: number, delay = 5_000): number {
  return Math.min(delay * 2 ** Math.max(0, attemptsMade - 1), 30 * 60_000);
}
