import { CITY_TIME_ZONE } from '../common/time/local-date.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { UnprocessableError, ValidationError } from '../common/errors/domain-error.js';
import { pageWindow } from '../common/http/pagination.js';
import { Clock } from '../common/time/clock.js';
import { JobProducer } from '../infra/queue/job-producer.js';
import { EnqueuedJobView } from '../jobs/dto/job-status.view.js';
import { ReportDelivery } from './delivery/report-delivery.entity.js';
import type { DeliveryPage, WeeklySendView } from './dto/delivery.view.js';
import { DeliveryView } from './dto/delivery.view.js';
import type { ListDeliveriesQuery } from './dto/list-deliveries.query.js';
import type { PreviewReportQuery } from './dto/preview-report.query.js';
import { parseWeekKey, weekHasEnded, weekJustEnded, type ReportWeek } from './report-week.js';
import { UNSUBSCRIBE_PATH } from './subscriptions/unsubscribe.service.js';
import type { WeeklyReportData } from './weekly-report/weekly-report-data.js';
import { WeeklyReportDataSource } from './weekly-report/weekly-report-data.source.js';
import { WeeklyReportRenderer } from './weekly-report/weekly-report.renderer.js';

export type Preview = { format: 'json'; body: WeeklyReportData } | { format: 'html' | 'text'; body: string };

/** The API side of the weekly report: preview, "send this week now", and the delivery log. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly source: WeeklyReportDataSource,
    private readonly renderer: WeeklyReportRenderer,
    private readonly producer: JobProducer,
    @InjectRepository(ReportDelivery) private readonly deliveries: Repository<ReportDelivery>,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The report of a week as it stands now (live figures, nothing sent, nothing stored). */
  async preview(query: PreviewReportQuery, user: AuthUser): Promise<Preview> {
    const week = this.week(query.week);
    const data = await this.source.assemble(week, this.clock.now());
    const format = query.format ?? 'html';
    if (format === 'json') return { format, body: data };
    const rendered = await this.renderer.render(
      data,
      { language: query.lang ?? 'zh-CN', displayName: user.name, targetIds: null },
      `${this.config.http.publicUrl}${UNSUBSCRIBE_PATH}?token=preview`,
      { inlineChartAsDataUri: true },
    );
    return { format, body: format === 'html' ? rendered.html : rendered.text };
  }

  /** Queues the run of a finished week; the outbox makes it send only what has not been sent. */
  async send(weekKey: string, user: AuthUser): Promise<WeeklySendView> {
    const week = this.week(weekKey);
    if (!weekHasEnded(week, this.clock.now(), CITY_TIME_ZONE)) {
      throw new UnprocessableError(
        'week_not_over',
        `${week.key} ends on ${week.end}: a week is sent once it is over (each reader gets each week once)`,
      );
    }
    const job = await this.producer.add(
      'reports.weekly-run',
      { week: week.key, requestedBy: user.id },
      { deduplication: { id: `weekly-run-${week.key}` } },
    );
    return {
      week: week.key,
      ...EnqueuedJobView.of('reports.weekly-run', job),
      deliveriesUrl: `/api/v1/reports/deliveries?week=${week.key}`,
    };
  }

  async list(query: ListDeliveriesQuery): Promise<DeliveryPage> {
    const week = this.week(query.week);
    const { limit, offset } = pageWindow(query);
    // With deleted subscriptions: their rows stay in the log, under the address they had.
    const qb = this.deliveries
      .createQueryBuilder('d')
      .withDeleted()
      .leftJoinAndSelect('d.subscription', 's')
      .where('d.week = :week', { week: week.key });
    if (query.state) qb.andWhere('d.state = :state', { state: query.state });
    const [items, total] = await qb
      .orderBy('s.email', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    const counts = await this.deliveries
      .createQueryBuilder('d')
      .select('d.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('d.week = :week', { week: week.key })
      .groupBy('d.state')
      .getRawMany<{ state: string; n: number | string }>();
    const summary: DeliveryPage['summary'] = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
    for (const c of counts) summary[c.state as keyof DeliveryPage['summary']] = Number(c.n);
    return { week: week.key, summary, items: items.map((d) => DeliveryView.of(d)), total, limit, offset };
  }

  private week(key: string | undefined): ReportWeek {
    if (!key) return weekJustEnded(this.clock.now(), CITY_TIME_ZONE);
    const week = parseWeekKey(key);
    if (!week) {
      throw new ValidationError(`${key} is not a week of its year`, [
        { field: 'week', problems: [`${key} does not exist`] },
      ]);
    }
    return week;
  }
}
