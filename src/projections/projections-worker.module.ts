import { Module } from '@nestjs/common';
import { ProjectionProcessor } from './rebuild/projection.processor.js';
import { ProjectionsModule } from './projections.module.js';
import { RebuildSweepScheduler } from './rebuild/rebuild-sweep.scheduler.js';
import { ProjectionInputsModule } from './rebuild/projection-inputs.module.js';
import { projectionWarmUp } from './rebuild/projection-warm-up.js';

/** The projections queue's processor and the dirty-target sweep: loaded by worker processes only. */
@Module({
  imports: [ProjectionInputsModule, ProjectionsModule],
  providers: [projectionWarmUp, ProjectionProcessor, RebuildSweepScheduler],
})
export class ProjectionsWorkerModule {}
