import { Global, Module } from '@nestjs/common';
import { ProjectionInputs } from './projection-inputs.js';
import { ProjectionState } from './projection-state.js';
import { RebuildQueue } from './rebuild-queue.js';
import { RebuildSweep } from './rebuild-sweep.js';

/** Global so that every feature can report changes without importing the projections module. */
@Global()
@Module({
  providers: [ProjectionInputs, ProjectionState, RebuildQueue, RebuildSweep],
  exports: [ProjectionInputs, ProjectionState, RebuildQueue, RebuildSweep],
})
export class ProjectionInputsModule {}
