import { CITY_TIME_ZONE } from '../../common/time/local-date.js';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AppConfig } from '../../common/config/app-config.js';
import { InjectConfig } from '../../common/config/config.module.js';
import { Clock } from '../../common/time/clock.js';
import { senderDomain } from '../../infra/mail/compose-message.js';
import { finishedJobStates } from '../../infra/queue/finished-job-states.js';
import { JobProducer, WORKER_QUEUE_TIMEOUT_MS } from '../../infra/queue/job-producer.js';
import { parseWeekKey, weekJustEnded, type ReportWeek } from '../report-week.js';
import { WeeklyReportDataSource } from '../weekly-report/weekly-report-data.source.js';
import { DeliveryOutbox } from './delivery-outbox.js';
import { EditionStore } from './edition-store.js';

export interface WeeklyRunResult {
  week: string;
  /** Outbox rows this run created (0 when the week had already been run for everyone). */
  created: number;
  /** Rows that still needed a job and got one (existing jobs are left as they are). */
  queued: number;
  /** Failed jobs of retryable rows that were started again. */
  retried: number;
}

const BULK = 500;

/** The deterministic job of an outbox row: adding it twice adds it once. */
export const deliveryJobId = (deliveryId: string): string => `deliver-${deliveryId}`;

/**
 * One weekly run: freeze the week's edition, make sure every active subscription has its outbox
 * row, and give every unfinished row its delivery job. Idempotent from top to bottom, so a run
 * repeated, retried or restarted after a crash changes nothing that is already done.
 */
@Injectable()
export class WeeklyRunService {
  private readonly logger = new Logger(WeeklyRunService.name);

  constructor(
    private readonly outbox: DeliveryOutbox,
    private readonly editions: EditionStore,
    private readonly source: WeeklyReportDataSource,
    private readonly producer: JobProducer,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The week a run job is for: its payload's, or the week just ended when the scheduler fired. */
  weekOf(job: Job<{ week?: string }>): ReportWeek {
    if (job.data.week) {
      const week = parseWeekKey(job.data.week);
      if (!week) throw new RangeError(`Not an ISO week: "${job.data.week}"`);
      return week;
    }
    const firedAt = job.opts.prevMillis ?? job.timestamp;
    return weekJustEnded(new Date(firedAt), CITY_TIME_ZONE);
  }

  async run(week: ReportWeek): Promise<WeeklyRunResult> {
    await this.editions.ensure(week.key, () => this.source.assemble(week, this.clock.now()));
    const domain = senderDomain(this.config.mail.from);
    const created = await this.outbox.createForWeek(week.key, (sid) => `<${week.key}.${sid}@${domain}>`);
    const open = await this.outbox.open(week.key);
    await this.producer.addBulk(
      'reports.deliver',
      open.map((d) => ({ payload: { deliveryId: d.id }, options: { jobId: deliveryJobId(d.id) } })),
      { chunk: BULK, timeoutMs: WORKER_QUEUE_TIMEOUT_MS },
    );
    const queue = this.producer.queue('reports');
    // A row left failed or sending whose job has finished (attempts used up, or stalled too
    // often) would wait forever: start that job again. Its row decides what the job does. The
    // states come in one Redis command per thousand rows; only the finished jobs are loaded.
    const finished = await finishedJobStates(
      queue,
      open.filter((o) => o.state !== 'pending').map((d) => deliveryJobId(d.id)),
    );
    let retried = 0;
    for (const [jobId, state] of finished) {
      const job = await queue.getJob(jobId);
      if (job) {
        await job.retry(state);
        retried++;
      }
    }
    const result = { week: week.key, created, queued: open.length, retried };
    this.logger.log(
      `Weekly report ${week.key}: ${created} new deliveries, ${open.length} queued, ${retried} retried`,
    );
    return result;
  }
}
