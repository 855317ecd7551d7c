import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import {
  FOCUS_AREAS,
  LANGUAGE_CODES,
  ORGANIZATION_KINDS,
  US_STATES,
  type OrganizationDetailDto,
  type OrganizationDto,
} from '@unidos/contracts';
import type { Actor, PublicCaller } from '@api/common/auth/actor';
import { Caller, CurrentActor, Public, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { ApplicationsService, type ApplicationReceipt } from './applications.service';
import { ApplicationDto, DecisionDto, RejectDto } from './dto/organization.dto';

@ApiTags('applications')
@Controller('applications')
@Roles('alliance_admin')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<OrganizationDto>> {
    return new ListResult(await this.applications.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.applications.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<OrganizationDetailDto> {
    return this.applications.findOne(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DecisionDto): Promise<OrganizationDetailDto> {
    return this.applications.approve(actor, id, dto.version);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RejectDto): Promise<OrganizationDetailDto> {
    return this.applications.reject(actor, id, dto);
  }
}

@ApiTags('public')
@Controller('public')
export class PublicApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Public()
  @Post('applications')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  apply(@Caller() caller: PublicCaller, @Body() dto: ApplicationDto): Promise<ApplicationReceipt> {
    return this.applications.submit(caller, dto);
  }

  @Public()
  @Get('options')
  options() {
    return { kinds: ORGANIZATION_KINDS, focusAreas: FOCUS_AREAS, languages: LANGUAGE_CODES, states: US_STATES };
  }
}
