import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActualsModule } from '../actuals/actuals.module.js';
import { EffectsModule } from '../effects/effects.module.js';
import { ContributionLoader } from '../projections/rebuild/contribution.loader.js';
import { ProjectionInputLoader } from '../projections/rebuild/projection-input.loader.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { TargetsModule } from '../targets/targets.module.js';
import { GapPlanController } from './gap-plan.controller.js';
import { GapPlanService } from './gap-plan.service.js';
import { MeasuredIncrements } from './measured-increments.js';
import { ScenarioChange } from './scenario-change.entity.js';
import { ScenarioProjection } from './scenario-projection.entity.js';
import { ScenarioProjectionsService } from './scenario-projections.service.js';
import { ScenarioProjector } from './scenario-projector.js';
import { ScenarioQueue } from './scenario-queue.js';
import { Scenario } from './scenario.entity.js';
import { ScenariosController } from './scenarios.controller.js';
import { ScenariosService } from './scenarios.service.js';
import { ProjectionInputsModule } from '../projections/rebuild/projection-inputs.module.js';

/**
 * What-if scenarios (/api/v1/scenarios) and gap plans (/api/v1/targets/:id/gap-plan). The
 * projection inputs are loaded by the projections feature's own loaders (provided here, not
 * copied), so a scenario is projected exactly as the official plan is.
 */
@Module({
  imports: [
    ProjectionInputsModule,
    TypeOrmModule.forFeature([Scenario, ScenarioChange, ScenarioProjection]),
    TargetsModule,
    ActualsModule,
    ProjectionsModule,
    EffectsModule,
  ],
  controllers: [ScenariosController, GapPlanController],
  providers: [
    ContributionLoader,
    ProjectionInputLoader,
    ScenariosService,
    ScenarioProjectionsService,
    ScenarioProjector,
    ScenarioQueue,
    GapPlanService,
    MeasuredIncrements,
  ],
  exports: [ScenarioProjector, MeasuredIncrements],
})
export class ScenariosModule {}
