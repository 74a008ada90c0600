import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EffectsService } from './effects.service.js';
import { ItemEffect } from './item-effect.entity.js';

/**
 * Measured effects of campaigns and events (issue 9): the stored estimates (ItemEffect), their
 * reader (EffectsService, also used by the scoreboard), the measuring job's queue and the
 * endpoints GET /campaigns/:id/effect and /events/:id/effect.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ItemEffect])],
  providers: [EffectsService],
  exports: [EffectsService],
})
export class EffectsModule {}
