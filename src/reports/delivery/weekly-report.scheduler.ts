import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { JobProducer } from '../../infra/queue/job-producer.js';
import { KeptScheduler } from '../../infra/queue/kept-scheduler.js';

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
  private kept: KeptScheduler<'reports.weekly-run'> | null = null;

  constructor(
    private readonly producer: JobProducer,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { cron, timeZone } = this.config.reports;
    this.kept = new KeptScheduler({
      producer: this.producer,
      schedulerId: WEEKLY_REPORT_SCHEDULER,
      repeat: { pattern: cron, tz: timeZone },
      job: 'reports.weekly-run',
      data: {},
      afterRegister: () => {
        this.logger.debug(`Weekly report scheduled: "${cron}" (${timeZone})`);
        return Promise.resolve();
      },
      retryMs: RETRY_MS,
      logger: this.logger,
      what: 'the weekly report',
    });
    await this.kept.start();
  }

  onApplicationShutdown(): void {
    this.kept?.stop();
  }
}
