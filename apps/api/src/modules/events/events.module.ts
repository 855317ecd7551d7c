import { Module } from '@nestjs/common';
import { AuditModule } from '@api/modules/audit/audit.module';
import { PledgesModule } from '@api/modules/pledges/pledges.module';
import { CalendarService } from './calendar.service';
import { CalendarController, EventHostsController, EventsController, RsvpsController } from './events.controller';
import { EventsService } from './events.service';
import { RsvpsService } from './rsvps.service';

@Module({
  imports: [AuditModule, PledgesModule],
  controllers: [EventsController, EventHostsController, RsvpsController, CalendarController],
  providers: [EventsService, RsvpsService, CalendarService],
  exports: [EventsService],
})
export class EventsModule {}
