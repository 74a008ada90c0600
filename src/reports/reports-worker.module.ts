import { Module } from '@nestjs/common';
import { MailModule } from '../infra/mail/mail.module.js';
import { DeliveryOutbox } from './delivery/delivery-outbox.js';
import { EditionStore } from './delivery/edition-store.js';
import { ReportDeliveryService } from './delivery/report-delivery.service.js';
import { ReportsProcessor } from './delivery/reports.processor.js';
import { WeeklyReportScheduler } from './delivery/weekly-report.scheduler.js';
import { WeeklyRunService } from './delivery/weekly-run.service.js';
import { ReportsModule } from './reports.module.js';

/** The `reports` queue's processor, the weekly scheduler and the mail transport: worker processes only. */
@Module({
  imports: [ReportsModule, MailModule],
  providers: [
    DeliveryOutbox,
    EditionStore,
    ReportDeliveryService,
    WeeklyRunService,
    ReportsProcessor,
    WeeklyReportScheduler,
  ],
})
export class ReportsWorkerModule {}
