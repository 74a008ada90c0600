import { ActualsModule } from '../actuals/actuals.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { TimeModule } from '../common/time/time.module.js';
import { EffectsWorkerModule } from '../effects/effects-worker.module.js';
import { EffectsModule } from '../effects/effects.module.js';
import { EventsModule } from '../events/events.module.js';
import { FundsModule } from '../funds/funds.module.js';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { JobsWorkerModule } from '../jobs/jobs-worker.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { ProjectionsWorkerModule } from '../projections/projections-worker.module.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ReportsWorkerModule } from '../reports/reports-worker.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ScenariosWorkerModule } from '../scenarios/scenarios-worker.module.js';
import { ScenariosModule } from '../scenarios/scenarios.module.js';
import { ScoreboardModule } from '../scoreboard/scoreboard.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { UsersModule } from '../users/users.module.js';
import { VenuesModule } from '../venues/venues.module.js';

/** Feature modules with services and controllers: loaded by every process. */
export const FEATURE_MODULES = [
  UsersModule,
  OrganizationsModule,
  JobsModule,
  TimeModule,
  VenuesModule,
  CampaignsModule,
  EventsModule,
  CalendarModule,
  HolidaysModule,
  ActualsModule,
  TargetsModule,
  ProjectionsModule,
  ReportsModule,
  FundsModule,
  ScenariosModule,
  EffectsModule,
  ScoreboardModule,
];

/** Queue processors and schedulers: loaded by worker processes only. */
export const WORKER_MODULES = [
  JobsWorkerModule,
  ProjectionsWorkerModule,
  ReportsWorkerModule,
  ScenariosWorkerModule,
  EffectsWorkerModule,
];
