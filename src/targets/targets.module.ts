import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActualsModule } from '../actuals/actuals.module.js';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { TargetPathService } from './target-path.service.js';
import { Target } from './target.entity.js';
import { TargetsController } from './targets.controller.js';
import { TargetsService } from './targets.service.js';
import { ProjectionInputsModule } from '../projections/rebuild/projection-inputs.module.js';

@Module({
  imports: [ProjectionInputsModule, TypeOrmModule.forFeature([Target]), ActualsModule, HolidaysModule],
  controllers: [TargetsController],
  providers: [TargetsService, TargetPathService],
  exports: [TargetsService, TargetPathService],
})
export class TargetsModule {}
