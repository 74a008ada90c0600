import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { EffectItemsLoader } from './effect-items.loader.js';
import { EffectMeasurement } from './effect-measurement.service.js';
import { EffectsQueue } from './effects-queue.js';
import { EffectsController } from './effects.controller.js';
import { EffectsService } from './effects.service.js';
import { ItemEffect } from './item-effect.entity.js';
import { ItemEffectReader } from './item-effect.reader.js';
import { ProjectionInputsModule } from '../projections/rebuild/projection-inputs.module.js';

/**
 * Measured effects of campaigns and events (issue 9): the stored estimates (ItemEffect), their
 * reader (EffectsService, also used by the scoreboard), the measuring job's queue and the
 * endpoints GET /campaigns/:id/effect and /events/:id/effect.
 */
@Module({
  imports: [ProjectionInputsModule, TypeOrmModule.forFeature([ItemEffect]), HolidaysModule],
  controllers: [EffectsController],
  providers: [EffectsService, ItemEffectReader, EffectItemsLoader, EffectMeasurement, EffectsQueue],
  exports: [EffectsService, EffectMeasurement, EffectsQueue],
})
export class EffectsModule {}
