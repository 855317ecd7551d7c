import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PeopleCountDto, PersonDto, RegionPeopleCountDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { CreatePersonDto, EmergencyPurgeDto, UpdatePersonDto } from './dto/person.dto';
import { PeopleCountsService } from './people-counts.service';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<PersonDto>> {
    return new ListResult(await this.people.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.people.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PersonDto> {
    return this.people.findOne(actor, id);
  }

  /** Deletes all of the caller's organization's people at once (typed name + two-factor code). */
  @Post('emergency-purge')
  @HttpCode(200)
  @Roles('org_coordinator')
  emergencyPurge(@CurrentActor() actor: Actor, @Body() dto: EmergencyPurgeDto): Promise<{ erased: number }> {
    return this.people.emergencyPurge(actor, dto);
  }

  @Post()
  @Roles('org_coordinator')
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePersonDto): Promise<PersonDto> {
    return this.people.create(actor, dto);
  }

  @Put(':id')
  @Roles('org_coordinator')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdatePersonDto): Promise<PersonDto> {
    return this.people.update(actor, id, dto);
  }

  /** Erases the person: their data is gone, the audit log keeps the id. */
  @Delete(':id')
  @Roles('org_coordinator')
  erase(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PersonDto> {
    return this.people.erase(actor, id);
  }
}

@ApiTags('people')
@Controller('people-counts')
export class PeopleCountsController {
  constructor(private readonly counts: PeopleCountsService) {}

  @Get()
  async byOrganization(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<PeopleCountDto>> {
    return new ListResult(await this.counts.byOrganization(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.counts.exportCsv(actor, query, res);
  }

  @Get('regions')
  @Roles('alliance_admin', 'alliance_organizer')
  byRegion(@CurrentActor() actor: Actor): Promise<RegionPeopleCountDto[]> {
    return this.counts.byRegion(actor);
  }
}
