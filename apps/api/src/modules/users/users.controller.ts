import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import type { EndedSessionsDto, UserDto } from '@unidos/contracts';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor, Roles } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Roles('alliance_admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<UserDto>> {
    return new ListResult(await this.users.list(actor, query));
  }

  @Get('export.csv')
  exportCsv(@CurrentActor() actor: Actor, @Query() query: RawListQuery, @Res() res: Response): Promise<void> {
    return this.users.exportCsv(actor, query, res);
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<UserDto> {
    return this.users.findOne(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }

  /** Signs the user out everywhere at once. */
  @Post(':id/reset-totp')
  @HttpCode(200)
  resetTotp(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EndedSessionsDto> {
    return this.users.resetTotp(actor, id);
  }

  @Post(':id/end-sessions')
  @HttpCode(200)
  endSessions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<EndedSessionsDto> {
    return this.users.endSessions(actor, id);
  }
}
