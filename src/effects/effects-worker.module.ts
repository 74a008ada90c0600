import { Module } from '@nestjs/common';
import { EffectsModule } from './effects.module.js';
import { EffectsProcessor } from './effects.processor.js';
import { EffectsStartScheduler } from './effects-start.scheduler.js';

/** The effects queue's processor and the start refresh: loaded by worker processes only. */
@Module({ imports: [EffectsModule], providers: [EffectsProcessor, EffectsStartScheduler] })
export class EffectsWorkerModule {}
