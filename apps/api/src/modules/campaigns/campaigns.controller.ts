import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CampaignDetailDto, CampaignDto, CampaignGoalDto, DemandDto, EndorsementDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { CampaignsService } from './campaigns.service';
import {
  CreateCampaignDto,
  CreateDemandDto,
  CreateEndorsementDto,
  CreateGoalDto,
  ReorderDemandsDto,
  UpdateCampaignDto,
  UpdateDemandDto,
  UpdateGoalDto,
} from './dto/campaign.dto';

const ALLIANCE = ['alliance_admin', 'alliance_organizer'] as const;

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<CampaignDto>> {
    return new ListResult(await this.campaigns.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.campaigns.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CampaignDetailDto> {
    return this.campaigns.findOne(actor, id);
  }

  @Post()
  @Roles(...ALLIANCE)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCampaignDto): Promise<CampaignDetailDto> {
    return this.campaigns.create(actor, dto);
  }

  @Put(':id')
  @Roles(...ALLIANCE)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateCampaignDto): Promise<CampaignDetailDto> {
    return this.campaigns.update(actor, id, dto);
  }

  @Post(':id/demands/order')
  @Roles(...ALLIANCE)
  reorder(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReorderDemandsDto): Promise<DemandDto[]> {
    return this.campaigns.reorderDemands(actor, id, dto);
  }
}

@ApiTags('campaigns')
@Controller('campaign-goals')
export class CampaignGoalsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<CampaignGoalDto>> {
    return new ListResult(await this.campaigns.listGoals(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.campaigns.exportGoalsCsv(actor, query, res);
  }

  @Post()
  @Roles(...ALLIANCE)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGoalDto): Promise<CampaignGoalDto> {
    return this.campaigns.createGoal(actor, dto);
  }

  @Put(':id')
  @Roles(...ALLIANCE)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateGoalDto): Promise<CampaignGoalDto> {
    return this.campaigns.updateGoal(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...ALLIANCE)
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CampaignGoalDto> {
    return this.campaigns.removeGoal(actor, id);
  }
}

@ApiTags('campaigns')
@Controller('demands')
export class DemandsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<DemandDto>> {
    return new ListResult(await this.campaigns.listDemands(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.campaigns.exportDemandsCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DemandDto> {
    return this.campaigns.findDemand(actor, id);
  }

  @Post()
  @Roles(...ALLIANCE)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDemandDto): Promise<DemandDto> {
    return this.campaigns.createDemand(actor, dto);
  }

  @Put(':id')
  @Roles(...ALLIANCE)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateDemandDto): Promise<DemandDto> {
    return this.campaigns.updateDemand(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...ALLIANCE)
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DemandDto> {
    return this.campaigns.removeDemand(actor, id);
  }
}

@ApiTags('campaigns')
@Controller('endorsements')
export class EndorsementsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<EndorsementDto>> {
    return new ListResult(await this.campaigns.listEndorsements(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.campaigns.exportEndorsementsCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EndorsementDto> {
    return this.campaigns.findEndorsement(actor, id);
  }

  @Post()
  @Roles('alliance_admin', 'alliance_organizer', 'org_coordinator')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEndorsementDto): Promise<EndorsementDto> {
    return this.campaigns.endorse(actor, dto);
  }

  @Delete(':id')
  @Roles('alliance_admin', 'alliance_organizer', 'org_coordinator')
  withdraw(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EndorsementDto> {
    return this.campaigns.withdraw(actor, id);
  }
}
