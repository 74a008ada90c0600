import { Module } from '@nestjs/common';
import { ProjectionProcessor } from './projection.processor.js';
import { ProjectionsModule } from './projections.module.js';
import { RebuildSweepScheduler } from './rebuild-sweep.scheduler.js';

/** The projections queue's processor and the dirty-target sweep: loaded by worker processes only. */
@Module({ imports: [ProjectionsModule], providers: [ProjectionProcessor, RebuildSweepScheduler] })
export class ProjectionsWorkerModule {}
