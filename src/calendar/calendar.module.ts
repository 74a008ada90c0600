import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Event } from '../events/event.entity.js';
import { EventsModule } from '../events/events.module.js';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarTokenController } from './calendar-token.controller.js';
import { CalendarTokenService } from './calendar-token.service.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Campaign, Event]), EventsModule],
  controllers: [CalendarFeedController, CalendarController, CalendarTokenController],
  providers: [CalendarService, CalendarFeedService, CalendarTokenService],
})
export class CalendarModule {}
