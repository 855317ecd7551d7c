import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CalendarFeedsDto, EventDetailDto, EventDto, EventHostDto, EventTotalsDto, RsvpDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Public, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { CalendarService } from './calendar.service';
import {
  CancelEventDto,
  CompleteEventDto,
  CreateEventDto,
  CreateRsvpDto,
  InviteHostDto,
  UpdateEventDto,
  UpdateHostDto,
  UpdateRsvpDto,
  WalkInsDto,
} from './dto/event.dto';
import { EventsService } from './events.service';
import { RsvpsService } from './rsvps.service';

const PLANNERS = ['alliance_admin', 'alliance_organizer', 'org_coordinator'] as const;
const baseUrl = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<EventDto>> {
    return new ListResult(await this.events.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.events.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EventDetailDto> {
    return this.events.findOne(actor, id);
  }

  @Get(':id/totals')
  totals(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EventTotalsDto> {
    return this.events.totals(actor, id);
  }

  /** "Add to calendar": the event as an iCalendar file. */
  @Get(':id/event.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="event.ics"')
  ics(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Req() req: Request): Promise<string> {
    return this.calendar.eventFile(actor, id, baseUrl(req));
  }

  @Post()
  @Roles(...PLANNERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEventDto): Promise<EventDetailDto> {
    return this.events.create(actor, dto);
  }

  @Put(':id')
  @Roles(...PLANNERS)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateEventDto): Promise<EventDetailDto> {
    return this.events.update(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...PLANNERS)
  cancel(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CancelEventDto): Promise<EventDetailDto> {
    return this.events.cancel(actor, id, dto);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...PLANNERS)
  complete(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CompleteEventDto): Promise<EventDetailDto> {
    return this.events.complete(actor, id, dto);
  }
}

@ApiTags('events')
@Controller('event-hosts')
export class EventHostsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<EventHostDto>> {
    return new ListResult(await this.events.listHosts(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.events.exportHostsCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EventHostDto> {
    return this.events.findHost(actor, id);
  }

  @Post()
  @Roles(...PLANNERS)
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteHostDto): Promise<EventHostDto> {
    return this.events.inviteHost(actor, dto);
  }

  @Put(':id')
  @Roles(...PLANNERS)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateHostDto): Promise<EventHostDto> {
    return this.events.updateHost(actor, id, dto);
  }

  @Post(':id/walk-ins')
  @HttpCode(200)
  @Roles('org_coordinator')
  walkIns(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: WalkInsDto): Promise<EventHostDto> {
    return this.events.walkIns(actor, id, dto);
  }
}

@ApiTags('events')
@Controller('rsvps')
export class RsvpsController {
  constructor(private readonly rsvps: RsvpsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<RsvpDto>> {
    return new ListResult(await this.rsvps.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.rsvps.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RsvpDto> {
    return this.rsvps.findOne(actor, id);
  }

  @Post()
  @Roles('org_coordinator')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRsvpDto): Promise<RsvpDto> {
    return this.rsvps.create(actor, dto);
  }

  @Put(':id')
  @Roles('org_coordinator')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateRsvpDto): Promise<RsvpDto> {
    return this.rsvps.update(actor, id, dto);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @Roles('org_coordinator')
  checkIn(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RsvpDto> {
    return this.rsvps.checkIn(actor, id);
  }

  @Post(':id/undo-check-in')
  @HttpCode(200)
  @Roles('org_coordinator')
  undoCheckIn(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RsvpDto> {
    return this.rsvps.checkIn(actor, id, true);
  }

  @Delete(':id')
  @Roles('org_coordinator')
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RsvpDto> {
    return this.rsvps.remove(actor, id);
  }
}

@ApiTags('events')
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly rsvps: RsvpsService,
  ) {}

  @Get('calendar/feeds')
  feeds(@CurrentActor() actor: Actor, @Req() req: Request): CalendarFeedsDto {
    return this.calendar.feeds(actor, baseUrl(req));
  }

  @Public()
  @Get('public/calendar/coalition/:signature.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  coalition(@Param('signature') signature: string, @Req() req: Request): Promise<string> {
    return this.calendar.feed('coalition', signature, baseUrl(req));
  }

  @Public()
  @Get('public/calendar/organizations/:id/:signature.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  organization(@Param('id', UuidPipe) id: string, @Param('signature') signature: string, @Req() req: Request): Promise<string> {
    return this.calendar.feed(id, signature, baseUrl(req));
  }

  /** Runs the RSVP retention now (it also runs hourly on its own). */
  @Post('retention/run')
  @HttpCode(200)
  @Roles('alliance_admin')
  async runRetention(@CurrentActor() actor: Actor): Promise<{ anonymized: number }> {
    return { anonymized: await this.rsvps.applyRetention(actor.requestId) };
  }
}
