import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEventDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Roles } from '@api/common/auth/decorators';
import { ListResult, notFoundUnless, type RawListQuery } from '@api/common/list/list-query';
import { AuditService, toAuditEventDto } from './audit.service';

@ApiTags('audit')
@Controller('audit-events')
@Roles('alliance_admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<AuditEventDto>> {
    return new ListResult(await this.audit.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.audit.exportCsv(actor, query, res);
  }

  @Get(':id')
  async findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AuditEventDto> {
    return toAuditEventDto(notFoundUnless(await this.audit.findOne(actor, id)));
  }
}
