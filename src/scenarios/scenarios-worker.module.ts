import { Module } from '@nestjs/common';
import { ScenarioProjectionProcessor } from './scenario-projection.processor.js';
import { ScenariosModule } from './scenarios.module.js';

/** The scenarios queue's processor: loaded by worker processes only. */
@Module({ imports: [ScenariosModule], providers: [ScenarioProjectionProcessor] })
export class ScenariosWorkerModule {}
