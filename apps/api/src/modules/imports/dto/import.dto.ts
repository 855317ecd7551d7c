import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlChars, TrimToNull } from '@api/common/http/transforms';
import { IMPORT_KINDS, type ImportKind, type ImportMapping, type ImportStatus, type OnDuplicate } from '../entities/import-job.entity';

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class UploadImportDto {
  @ApiProperty({ enum: IMPORT_KINDS }) @IsIn(IMPORT_KINDS)
  kind!: ImportKind;

  @ApiPropertyOptional({ description: 'Where the file comes from, e.g. "Action Network export"; mappings are saved per source' })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(200) @NoControlChars()
  source?: string | null;
}

export class ImportChoicesDto {
  @ApiProperty({ description: 'CSV header → field name, or null to ignore the column' }) @IsObject()
  mapping!: ImportMapping;

  @ApiProperty({ enum: ['update', 'skip'] }) @IsIn(['update', 'skip'])
  onDuplicate!: OnDuplicate;
}

export class PreviewImportDto extends ImportChoicesDto {
  @ApiPropertyOptional({ description: 'Save the mapping for this kind and source' }) @IsOptional() @IsBoolean()
  saveMapping?: boolean;
}

export class ImportFieldsQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS }) @IsIn(IMPORT_KINDS)
  kind!: ImportKind;
}

export interface ImportFieldDto {
  name: string;
  required: boolean;
}

export interface ImportUploadedDto {
  id: string;
  kind: ImportKind;
  source: string | null;
  filename: string;
  status: ImportStatus;
  rowCount: number;
  headers: string[];
  sample: string[][];
  mapping: ImportMapping;
  /** Whether `mapping` is one saved for this source (else a guess from the header names). */
  savedMapping: boolean;
}

export interface ImportRowErrorDto {
  row: number;
  field: string;
  reason: string;
  value?: string;
}

export interface ImportPreviewDto {
  rowCount: number;
  valid: number;
  invalid: number;
  duplicates: number;
  willCreate: number;
  willUpdate: number;
  willSkip: number;
  errors: ImportRowErrorDto[];
  sample: { row: number; values: Record<string, string | undefined>; duplicateOf?: string }[];
}

export interface ImportJobDto {
  id: string;
  kind: ImportKind;
  source: string | null;
  filename: string;
  status: ImportStatus;
  rowCount: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  errors: number;
  error: string | null;
  errorRows: number[];
  headers: string[];
  mapping: ImportMapping | null;
  onDuplicate: OnDuplicate | null;
  organizationId: string | null;
  createdBy: string;
  createdAt: string;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportMappingDto {
  id: string;
  kind: ImportKind;
  source: string;
  mapping: ImportMapping;
  updatedAt: string;
}
