import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActualsModule } from '../actuals/actuals.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { ContributionLoader } from './rebuild/contribution.loader.js';
import { ProjectionBuilder } from './rebuild/projection-builder.service.js';
import { ProjectionInputLoader } from './rebuild/projection-input.loader.js';
import { ProjectionRebuild } from './rebuild/projection-rebuild.service.js';
import { ProjectionSnapshot } from './rebuild/projection-snapshot.entity.js';
import { ProjectionSnapshotStore } from './rebuild/projection-snapshot.store.js';
import { ProjectionsController } from './read/projections.controller.js';
import { LatestSnapshots } from './read/latest-snapshots.js';
import { TargetReadHeads } from './read/target-read-head.js';
import { ProjectionsService } from './read/projections.service.js';
import { PROJECTION_SNAPSHOT_READER } from './read/projection-snapshot-reader.js';
import { ReportProjectionReader } from './read/report-projection.reader.js';
import { RecentProjections } from './rebuild/recent-projections.js';
import { RevenuePerVisitorLoader } from './rebuild/revenue-per-visitor.loader.js';
import { ProjectionInputsModule } from './rebuild/projection-inputs.module.js';

/**
 * Projection snapshots: building them from the latest data (used by the worker's processor),
 * storing them, and the read endpoints under /api/v1/targets/:id. The change door
 * (ProjectionInputs), the dirty state and the rebuild queue live in ProjectionInputsModule.
 */
@Module({
  imports: [
    ProjectionInputsModule,
    TypeOrmModule.forFeature([ProjectionSnapshot]),
    TargetsModule,
    ActualsModule,
  ],
  controllers: [ProjectionsController],
  providers: [
    ContributionLoader,
    ProjectionInputLoader,
    RevenuePerVisitorLoader,
    RecentProjections,
    ProjectionBuilder,
    ProjectionSnapshotStore,
    ProjectionRebuild,
    ProjectionsService,
    LatestSnapshots,
    TargetReadHeads,
    ReportProjectionReader,
    // The weekly report reads the snapshots through its own interface.
    { provide: PROJECTION_SNAPSHOT_READER, useExisting: ReportProjectionReader },
  ],
  exports: [ProjectionBuilder, ProjectionSnapshotStore, ProjectionRebuild, PROJECTION_SNAPSHOT_READER],
})
export class ProjectionsModule {}
