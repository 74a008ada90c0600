import type { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { errorMessage } from '../../common/errors/error-message.js';

export interface KeptSchedulerOptions {
  /** The queue that holds the job scheduler. */
  queue: Queue;
  /** The job scheduler's id (to check that it still exists). */
  schedulerId: string;
  /** Upserts the scheduler (and whatever else goes with it); throws when Redis does not answer. */
  register: () => Promise<void>;
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
 * One helper for every recurring job (the rebuild sweep, the weekly report).
 */
export class KeptScheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  private onReady: (() => void) | null = null;

  constructor(private readonly options: KeptSchedulerOptions) {}

  /** Starts keeping it; resolves after the first attempt (which never throws). */
  async start(): Promise<void> {
    const client = await this.options.queue.backend.client.catch(() => null);
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
      void this.options.queue.backend.client
        .then((c) => c.off('ready', this.onReady!))
        .catch(() => undefined);
  }

  private attempt(): Promise<void> {
    this.running ??= this.registerNow().finally(() => (this.running = null));
    return this.running;
  }

  private async registerNow(): Promise<void> {
    if (this.stopped) return;
    let ok = false;
    try {
      await this.options.register();
      ok = true;
    } catch (error) {
      if (this.stopped) return;
      this.options.logger.warn(
        `Could not register ${this.options.what} (${errorMessage(error)}); trying again in ${this.options.retryMs / 1000}s`,
      );
    }
    this.schedule(ok);
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
      const existing = await this.options.queue.getJobScheduler(this.options.schedulerId);
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
