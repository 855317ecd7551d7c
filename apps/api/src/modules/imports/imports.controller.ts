import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@api/common/auth/actor';
import { CurrentActor } from '@api/common/auth/decorators';
import { UuidPipe } from '@api/common/http/uuid.pipe';
import { ListResult, type RawListQuery } from '@api/common/list/list-query';
import {
  ImportChoicesDto,
  type ImportFieldDto,
  ImportFieldsQueryDto,
  type ImportJobDto,
  type ImportMappingDto,
  type ImportPreviewDto,
  type ImportUploadedDto,
  PreviewImportDto,
  UploadImportDto,
} from './dto/import.dto';
import type { ImportKind } from './entities/import-job.entity';
import { ImportsService, MAX_IMPORT_BYTES, type UploadedFile as ImportUpload } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('fields')
  fields(@CurrentActor() actor: Actor, @Query() query: ImportFieldsQueryDto): { kind: ImportKind; fields: ImportFieldDto[] } {
    return this.imports.fields(actor, query.kind);
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<ImportJobDto>> {
    return new ListResult(await this.imports.list(actor, query));
  }

  @Get(':id')
  findOne(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ImportJobDto> {
    return this.imports.findOne(actor, id);
  }

  /** A CSV file (multipart `file`, at most 50 MB) of one kind; kept encrypted until its import ends. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } }))
  upload(
    @CurrentActor() actor: Actor,
    @Body() dto: UploadImportDto,
    @UploadedFile() file: ImportUpload | undefined,
  ): Promise<ImportUploadedDto> {
    return this.imports.upload(actor, dto.kind, dto.source, file);
  }

  @Post(':id/preview')
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: PreviewImportDto): Promise<ImportPreviewDto> {
    return this.imports.preview(actor, id, dto);
  }

  @Post(':id/run')
  @HttpCode(202)
  run(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ImportChoicesDto): Promise<{ id: string; status: 'queued' }> {
    return this.imports.run(actor, id, dto);
  }
}

@ApiTags('imports')
@Controller('import-mappings')
export class ImportMappingsController {
  constructor(private readonly imports: ImportsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: RawListQuery): Promise<ListResult<ImportMappingDto>> {
    return new ListResult(await this.imports.mappings(actor, query));
  }

  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<{ id: string }> {
    return this.imports.deleteMapping(actor, id);
  }
}
