import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { MembershipHistoryEntryDto, OrganizationDetailDto, OrganizationDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<OrganizationDto>> {
    return new ListResult(await this.organizations.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.organizations.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<OrganizationDetailDto> {
    return this.organizations.findOne(actor, id);
  }

  @Get(':id/membership-history')
  history(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<MembershipHistoryEntryDto[]> {
    return this.organizations.membershipHistory(actor, id);
  }

  @Post()
  @Roles('alliance_admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganizationDto): Promise<OrganizationDetailDto> {
    return this.organizations.create(actor, dto);
  }

  @Put(':id')
  @Roles('alliance_admin', 'org_coordinator')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationDetailDto> {
    return this.organizations.update(actor, id, dto);
  }
}
