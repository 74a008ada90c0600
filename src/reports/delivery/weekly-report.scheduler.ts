import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { withTimeout } from '../../common/async/with-timeout.js';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { JobProducer } from '../../infra/queue/job-producer.js';
import { JOBS } from '../../infra/queue/job-registry.js';

export const WEEKLY_REPORT_SCHEDULER = 'weekly-report';
const RETRY_MS = 30_000;

/**
 * Registers the weekly run with BullMQ's job scheduler when a worker starts. Upserting is
 * idempotent and BullMQ makes one job per fire time however many workers run, so every worker
 * does it; a changed REPORT_CRON or REPORT_TZ replaces the schedule. If Redis does not answer at
 * start, it tries again every 30 s without holding up the worker.
 */
@Injectable()
export class WeeklyReportScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WeeklyReportScheduler.name);
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly producer: JobProducer,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.register();
  }

  onApplicationShutdown(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private async register(): Promise<void> {
    const { cron, timeZone } = this.config.reports;
    try {
      await withTimeout(
        this.producer
          .queue('reports')
          .upsertJobScheduler(
            WEEKLY_REPORT_SCHEDULER,
            { pattern: cron, tz: timeZone },
            { name: 'reports.weekly-run', data: {}, opts: JOBS['reports.weekly-run'].options },
          ),
        10_000,
      );
      this.logger.log(`Weekly report scheduled: "${cron}" (${timeZone})`);
    } catch (error) {
      this.logger.error(
        `Could not schedule the weekly report, trying again in 30 s: ${(error as Error).message}`,
      );
      this.retry = setTimeout(() => void this.register(), RETRY_MS);
      this.retry.unref();
    }
  }
}
