import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActualsModule } from '../actuals/actuals.module.js';
import { CsvBodyParser } from '../common/http/csv-body.js';
import { TargetsModule } from '../targets/targets.module.js';
import { EventChecksService } from './event-checks.service.js';
import { EventCsvController } from './event-csv.controller.js';
import { EventExportService } from './event-export.service.js';
import { EventImportService } from './event-import.service.js';
import { EventHistory } from './event-history.entity.js';
import { EventWorkflowController } from './event-workflow.controller.js';
import { EventWorkflowService } from './event-workflow.service.js';
import { Event } from './event.entity.js';
import { EventsController } from './events.controller.js';
import { EventsService } from './events.service.js';
import { PublicEventsController } from './public-events.controller.js';
import { PublicEventsCache } from './public-events.cache.js';
import { VenueDemandService } from './venue-demand.service.js';
import { ProjectionInputsModule } from '../projections/rebuild/projection-inputs.module.js';

@Module({
  imports: [
    ProjectionInputsModule,
    TypeOrmModule.forFeature([Event, EventHistory]),
    TargetsModule,
    ActualsModule,
  ],
  controllers: [PublicEventsController, EventCsvController, EventsController, EventWorkflowController],
  providers: [
    EventsService,
    EventWorkflowService,
    EventChecksService,
    VenueDemandService,
    EventExportService,
    EventImportService,
    CsvBodyParser,
    PublicEventsCache,
  ],
  exports: [EventsService, VenueDemandService],
})
export class EventsModule {}
