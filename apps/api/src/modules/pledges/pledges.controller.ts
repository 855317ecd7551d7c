import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import type { CampaignProgressDto, PledgeDto, PledgeOfferDto, PledgeReportDto, PublicCampaignDto } from '@unidos/contracts';
import type { Actor, PublicCaller } from '@api/common/auth/actor';
import { Caller, CurrentActor, Public, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { AcceptOfferDto, CreatePledgeDto, CreatePledgeReportDto, PledgeOfferRequestDto, RejectOfferDto, UpdatePledgeDto } from './dto/pledge.dto';
import { type OfferReceipt, PledgeOffersService } from './pledge-offers.service';
import { PledgesService } from './pledges.service';

const WRITERS = ['alliance_admin', 'alliance_organizer', 'org_coordinator'] as const;
const ALLIANCE = ['alliance_admin', 'alliance_organizer'] as const;

@ApiTags('pledges')
@Controller('pledges')
export class PledgesController {
  constructor(private readonly pledges: PledgesService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<PledgeDto>> {
    return new ListResult(await this.pledges.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.pledges.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PledgeDto> {
    return this.pledges.findOne(actor, id);
  }

  @Post()
  @Roles(...WRITERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePledgeDto): Promise<PledgeDto> {
    return this.pledges.create(actor, dto);
  }

  @Put(':id')
  @Roles(...WRITERS)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdatePledgeDto): Promise<PledgeDto> {
    return this.pledges.update(actor, id, dto);
  }
}

/** Reports are append-only: there is no PUT or DELETE. A correction is a new (negative) entry. */
@ApiTags('pledges')
@Controller('pledge-reports')
export class PledgeReportsController {
  constructor(private readonly pledges: PledgesService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<PledgeReportDto>> {
    return new ListResult(await this.pledges.listReports(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.pledges.exportReportsCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PledgeReportDto> {
    return this.pledges.findReport(actor, id);
  }

  @Post()
  @Roles(...WRITERS)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePledgeReportDto): Promise<PledgeReportDto> {
    return this.pledges.report(actor, dto);
  }
}

@ApiTags('pledges')
@Controller('campaigns')
export class CampaignProgressController {
  constructor(private readonly pledges: PledgesService) {}

  @Get(':id/progress')
  progress(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CampaignProgressDto> {
    return this.pledges.progress(actor, id);
  }
}

@ApiTags('pledges')
@Controller('pledge-offers')
@Roles(...ALLIANCE)
export class PledgeOffersController {
  constructor(private readonly offers: PledgeOffersService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<PledgeOfferDto>> {
    return new ListResult(await this.offers.list(actor, query));
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<PledgeOfferDto> {
    return this.offers.findOne(actor, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AcceptOfferDto): Promise<PledgeOfferDto> {
    return this.offers.accept(actor, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RejectOfferDto): Promise<PledgeOfferDto> {
    return this.offers.reject(actor, id, dto.version);
  }
}

@ApiTags('public')
@Controller('public/campaigns')
export class PublicCampaignsController {
  constructor(private readonly offers: PledgeOffersService) {}

  @Public()
  @Get(':slug')
  campaign(@Param('slug') slug: string): Promise<PublicCampaignDto> {
    return this.offers.publicCampaign(slug);
  }

  @Public()
  @Post(':slug/pledges')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  pledge(@Caller() caller: PublicCaller, @Param('slug') slug: string, @Body() dto: PledgeOfferRequestDto): Promise<OfferReceipt> {
    return this.offers.submit(caller, slug, dto);
  }
}
