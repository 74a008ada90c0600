import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CsvBodyParser } from '../common/http/csv-body.js';
import { Actual } from './actual.entity.js';
import { ActualWriter } from './actual-writer.js';
import { ActualsQueryService } from './actuals-query.service.js';
import { ActualsController } from './actuals.controller.js';
import { ActualsService } from './actuals.service.js';
import { ProjectionInputsModule } from '../projections/rebuild/projection-inputs.module.js';

@Module({
  imports: [ProjectionInputsModule, TypeOrmModule.forFeature([Actual])],
  controllers: [ActualsController],
  providers: [ActualsService, ActualsQueryService, ActualWriter, CsvBodyParser],
  exports: [ActualsQueryService, ActualsService],
})
export class ActualsModule {}
