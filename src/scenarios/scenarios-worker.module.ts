import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ScenarioProjectionProcessor } from './scenario-projection.processor.js';
import { ScenarioRefreshFollower } from './scenario-refresh.follower.js';
import { ScenariosModule } from './scenarios.module.js';

/**
 * The scenarios queue's processor and the follower that re-queues scenario projections after
 * official rebuilds: loaded by worker processes only (where the rebuilds run).
 */
@Module({
  imports: [ScenariosModule, ProjectionsModule],
  providers: [ScenarioProjectionProcessor, ScenarioRefreshFollower],
})
export class ScenariosWorkerModule {}
