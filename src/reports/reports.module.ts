import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActualsModule } from '../actuals/actuals.module.js';
import { EventsModule } from '../events/events.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { ReportDelivery } from './delivery/report-delivery.entity.js';
import { ReportEdition } from './delivery/report-edition.entity.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { AppSecret } from './subscriptions/app-secret.entity.js';
import { OneClickBodyParser } from './subscriptions/one-click-body-parser.js';
import { ReportSubscription } from './subscriptions/report-subscription.entity.js';
import { ReportSubscriptionsController } from './subscriptions/report-subscriptions.controller.js';
import { ReportSubscriptionsService } from './subscriptions/report-subscriptions.service.js';
import { SigningSecret } from './subscriptions/signing-secret.js';
import { UnsubscribeController } from './subscriptions/unsubscribe.controller.js';
import { UnsubscribeService } from './subscriptions/unsubscribe.service.js';
import { PlanningDigest } from './weekly-report/planning-digest.js';
import { WeeklyReportDataSource } from './weekly-report/weekly-report-data.source.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ScoreboardModule } from '../scoreboard/scoreboard.module.js';
import { WeeklyReportRenderer } from './weekly-report/weekly-report.renderer.js';

/**
 * The weekly target report, API side: subscriptions, the public unsubscribe link, the preview,
 * "send this week now" and the delivery log. Sending happens in {@link ReportsWorkerModule}.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportSubscription, ReportDelivery, ReportEdition, AppSecret]),
    TargetsModule,
    ActualsModule,
    EventsModule,
    ProjectionsModule,
    ScoreboardModule,
  ],
  controllers: [ReportSubscriptionsController, UnsubscribeController, ReportsController],
  providers: [
    ReportSubscriptionsService,
    SigningSecret,
    UnsubscribeService,
    OneClickBodyParser,
    ReportsService,
    PlanningDigest,
    WeeklyReportDataSource,
    WeeklyReportRenderer,
  ],
  exports: [TypeOrmModule, UnsubscribeService, WeeklyReportDataSource, WeeklyReportRenderer],
})
export class ReportsModule {}
