import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HolidayCalendar } from './holiday-calendar.service.js';
import { HolidayOverride } from './holiday-override.entity.js';
import { HolidaysController } from './holidays.controller.js';
import { HolidaysService } from './holidays.service.js';
import { ProjectionInputsModule } from '../projections/rebuild/projection-inputs.module.js';

@Module({
  imports: [ProjectionInputsModule, TypeOrmModule.forFeature([HolidayOverride])],
  controllers: [HolidaysController],
  providers: [HolidayCalendar, HolidaysService],
  exports: [HolidayCalendar],
})
export class HolidaysModule {}
