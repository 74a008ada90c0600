import { Module } from '@nestjs/common';
import { ProjectionInputs } from './projection-inputs.js';
import { ProjectionState } from './projection-state.js';
import { RebuildQueue } from './rebuild-queue.js';
import { RebuildSweep } from './rebuild-sweep.js';

/**
 * The change door (ProjectionInputs), the dirty state of targets, the rebuild queue and the
 * sweep: imported by every feature that reports changes, without the rest of the projections.
 */
@Module({
  providers: [ProjectionInputs, ProjectionState, RebuildQueue, RebuildSweep],
  exports: [ProjectionInputs, ProjectionState, RebuildQueue, RebuildSweep],
})
export class ProjectionInputsModule {}
