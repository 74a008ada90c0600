import { Module } from '@nestjs/common';
import { EffectsModule } from '../effects/effects.module.js';
import { FundsModule } from '../funds/funds.module.js';
import { ScoreboardController } from './scoreboard.controller.js';
import { ScoreboardService } from './scoreboard.service.js';

/** The accountability scoreboard (/api/v1/scoreboard): funds and measured effects, per unit, organization or channel. */
@Module({
  imports: [FundsModule, EffectsModule],
  controllers: [ScoreboardController],
  providers: [ScoreboardService],
  exports: [ScoreboardService],
})
export class ScoreboardModule {}
