import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RegionDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { CreateRegionDto, UpdateRegionDto } from './dto/region.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<RegionDto>> {
    return new ListResult(await this.regions.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.regions.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RegionDto> {
    return this.regions.findOne(actor, id);
  }

  @Post()
  @Roles('alliance_admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRegionDto): Promise<RegionDto> {
    return this.regions.create(actor, dto);
  }

  @Put(':id')
  @Roles('alliance_admin')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateRegionDto): Promise<RegionDto> {
    return this.regions.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles('alliance_admin')
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RegionDto> {
    return this.regions.remove(actor, id);
  }
}
