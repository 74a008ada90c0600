import type { Logger } from '@nestjs/common';
import type { Queue, RepeatOptions } from 'bullmq';
import { errorMessage } from '../../common/errors/error-message.js';
import { JobProducer, queueCall, WORKER_QUEUE_TIMEOUT_MS } from './job-producer.js';
import { JOBS, type JobName, type JobPayloads } from './job-registry.js';

export interface KeptSchedulerOptions<N extends JobName> {
  producer: JobProducer;
  /** The job scheduler's id. */
  schedulerId: string;
  /** When it fires: `{ every }` milliseconds, or a cron `{ pattern, tz }`. */
  repeat: Omit<RepeatOptions, 'key'>;
  /** The job each fire adds, by registry name: its queue and default options come from the registry. */
  job: N;
  data: JobPayloads[N];
  /** Runs after each registration (e.g. one sweep at once); throwing counts as a failed attempt. */
  afterRegister?: () => Promise<void>;
  /** How long to wait before trying again after a failure, and between checks. */
  retryMs: number;
  logger: Logger;
  /** What it is, for the log ("the weekly report"). */
  what: string;
}

/**
 * Keeps a BullMQ job scheduler registered for as long as the worker runs: registers it at start,
 * tries again every `retryMs` while Redis does not answer, registers it again whenever the
 * queue's Redis connection becomes ready after a reconnect (a Redis restarted empty has lost
 * every scheduler), and checks every `retryMs` that it still exists (a Redis emptied without a
 * reconnect: FLUSHALL, failover). Upserting is idempotent, so any number of workers may do it.
 * One helper for every recurring job (the rebuild sweep, the effects refresh, the weekly report).
 */
export class KeptScheduler<N extends JobName> {
  private readonly queue: Queue;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  private onReady: (() => void) | null = null;

  constructor(private readonly options: KeptSchedulerOptions<N>) {
    this.queue = options.producer.queue(JOBS[options.job].queue);
  }

  /** Starts keeping it; resolves after the first attempt (which never throws). */
  async start(): Promise<void> {
    const client = await this.queue.backend.client.catch(() => null);
    if (client && !this.stopped) {
      this.onReady = () => {
        this.options.logger.log(`Redis is back: registering ${this.options.what} again`);
        void this.attempt();
      };
      client.on('ready', this.onReady);
    }
    await this.attempt();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.onReady)
      void this.queue.backend.client.then((c) => c.off('ready', this.onReady!)).catch(() => undefined);
  }

  private attempt(): Promise<void> {
    this.running ??= this.registerNow().finally(() => (this.running = null));
    return this.running;
  }

  private async registerNow(): Promise<void> {
    if (this.stopped) return;
    let ok = false;
    try {
      await this.upsert();
      await this.options.afterRegister?.();
      ok = true;
    } catch (error) {
      if (this.stopped) return;
      this.options.logger.warn(
        `Could not register ${this.options.what} (${errorMessage(error)}); trying again in ${this.options.retryMs / 1000}s`,
      );
    }
    this.schedule(ok);
  }

  /** Upserts the job scheduler; idempotent, so any number of workers may do it at any time. */
  private async upsert(): Promise<void> {
    const { schedulerId, repeat, job, data } = this.options;
    await queueCall(
      this.queue.upsertJobScheduler(schedulerId, repeat, { name: job, data, opts: JOBS[job].options }),
      WORKER_QUEUE_TIMEOUT_MS,
    );
  }

  private schedule(registered: boolean): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void (registered ? this.check() : this.attempt()), this.options.retryMs);
    this.timer.unref();
  }

  /** Registers it again if it is gone. */
  private async check(): Promise<void> {
    if (this.stopped) return;
    try {
      const existing = await this.queue.getJobScheduler(this.options.schedulerId);
      if (!existing) {
        this.options.logger.warn(`${this.options.what} was missing from Redis: registering it again`);
        return this.attempt();
      }
    } catch {
      // Redis not answering: the next check (or the reconnect) deals with it.
    }
    this.schedule(true);
  }
}
