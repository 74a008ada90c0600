import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { withTimeout } from '../../common/async/with-timeout.js';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { JobProducer, WORKER_QUEUE_TIMEOUT_MS } from '../../infra/queue/job-producer.js';
import { KeptScheduler } from '../../infra/queue/kept-scheduler.js';
import { JOBS } from '../../infra/queue/job-registry.js';

export const WEEKLY_REPORT_SCHEDULER = 'weekly-report';
const RETRY_MS = 30_000;

/**
 * Keeps the weekly run registered with BullMQ's job scheduler while a worker runs (see
 * KeptScheduler): at start, after Redis comes back (a Redis restarted empty loses its
 * schedulers), and whenever a check finds it gone. Upserting is idempotent and BullMQ makes one
 * job per fire time however many workers run, so every worker does it; a changed REPORT_CRON or
 * REPORT_TZ replaces the schedule. If Redis does not answer, it tries again every 30 s without
 * holding up the worker.
 */
@Injectable()
export class WeeklyReportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WeeklyReportScheduler.name);
  private kept: KeptScheduler | null = null;

  constructor(
    private readonly producer: JobProducer,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.kept = new KeptScheduler({
      queue: this.producer.queue('reports'),
      schedulerId: WEEKLY_REPORT_SCHEDULER,
      register: () => this.register(),
      retryMs: RETRY_MS,
      logger: this.logger,
      what: 'the weekly report',
    });
    await this.kept.start();
  }

  onApplicationShutdown(): void {
    this.kept?.stop();
  }

  private async register(): Promise<void> {
    const { cron, timeZone } = this.config.reports;
    await withTimeout(
      this.producer
        .queue('reports')
        .upsertJobScheduler(
          WEEKLY_REPORT_SCHEDULER,
          { pattern: cron, tz: timeZone },
          { name: 'reports.weekly-run', data: {}, opts: JOBS['reports.weekly-run'].options },
        ),
      WORKER_QUEUE_TIMEOUT_MS,
    );
    this.logger.debug(`Weekly report scheduled: "${cron}" (${timeZone})`);
  }
}
