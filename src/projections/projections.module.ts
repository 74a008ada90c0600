import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActualsModule } from '../actuals/actuals.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { ContributionLoader } from './contribution.loader.js';
import { ProjectionBuilder } from './projection-builder.service.js';
import { ProjectionInputLoader } from './projection-input.loader.js';
import { ProjectionRebuild } from './projection-rebuild.service.js';
import { ProjectionSnapshot } from './projection-snapshot.entity.js';
import { ProjectionSnapshotStore } from './projection-snapshot.store.js';
import { ProjectionsController } from './projections.controller.js';
import { ProjectionsService } from './projections.service.js';
import { PROJECTION_SNAPSHOT_READER } from '../reports/weekly-report/projection-snapshot-reader.js';
import { ReportProjectionReader } from './report-projection.reader.js';
import { RevenuePerVisitorLoader } from './revenue-per-visitor.loader.js';

/**
 * Projection snapshots: building them from the latest data (used by the worker's processor),
 * storing them, and the read endpoints under /api/v1/targets/:id. The change door
 * (ProjectionInputs), the dirty state and the rebuild queue live in the global
 * ProjectionInputsModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ProjectionSnapshot]), TargetsModule, ActualsModule],
  controllers: [ProjectionsController],
  providers: [
    ContributionLoader,
    ProjectionInputLoader,
    RevenuePerVisitorLoader,
    ProjectionBuilder,
    ProjectionSnapshotStore,
    ProjectionRebuild,
    ProjectionsService,
    ReportProjectionReader,
    // The weekly report reads the snapshots through its own interface.
    { provide: PROJECTION_SNAPSHOT_READER, useExisting: ReportProjectionReader },
  ],
  exports: [ProjectionBuilder, ProjectionSnapshotStore, ProjectionRebuild, PROJECTION_SNAPSHOT_READER],
})
export class ProjectionsModule {}
