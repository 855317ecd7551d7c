import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  DEMAND_STATUSES,
  type DemandStatus,
  ENDORSEMENT_ROLES,
  type EndorsementRole,
  PLEDGE_METRICS,
  type PledgeMetric,
} from '@unidos/contracts';
import { NoControlChars, Trim, TrimToNull } from '@api/common/http/transforms';

export const MAX_QUANTITY = 1_000_000_000;

export class GoalInputDto {
  @ApiProperty({ enum: PLEDGE_METRICS }) @IsIn(PLEDGE_METRICS)
  metric!: PledgeMetric;

  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0.01) @Max(MAX_QUANTITY)
  target!: number;
}

export class DemandInputDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) @NoControlChars()
  textEn!: string;

  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(500) @NoControlChars()
  textEs!: string;

  @ApiPropertyOptional({ description: 'The decision-maker the demand targets' })
  @IsOptional() @TrimToNull() @IsString() @MaxLength(200) @NoControlChars()
  target?: string | null;

  @ApiPropertyOptional({ enum: DEMAND_STATUSES }) @IsOptional() @IsIn(DEMAND_STATUSES)
  status?: DemandStatus;
}

export class CampaignFieldsDto {
  @ApiProperty() @Trim() @IsString() @IsNotEmpty() @MaxLength(160) @NoControlChars()
  name!: string;

  @ApiPropertyOptional() @IsOptional() @TrimToNull() @IsString() @MaxLength(4000) @NoControlChars()
  summary?: string | null;

  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES }) @IsOptional() @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(10)
  startsOn?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) @MaxLength(10)
  endsOn?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  leadOrganizationId?: string | null;
}

export class CreateCampaignDto extends CampaignFieldsDto {
  @ApiPropertyOptional({ type: [GoalInputDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(PLEDGE_METRICS.length) @ValidateNested({ each: true }) @Type(() => GoalInputDto)
  goals?: GoalInputDto[];

  @ApiPropertyOptional({ type: [DemandInputDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => DemandInputDto)
  demands?: DemandInputDto[];
}

export class UpdateCampaignDto extends PartialType(CampaignFieldsDto) {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;
}

export class CreateGoalDto extends GoalInputDto {
  @ApiProperty() @IsUUID()
  campaignId!: string;
}

export class UpdateGoalDto {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;

  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0.01) @Max(MAX_QUANTITY)
  target!: number;
}

export class CreateDemandDto extends DemandInputDto {
  @ApiProperty() @IsUUID()
  campaignId!: string;
}

export class UpdateDemandDto extends PartialType(DemandInputDto) {
  @ApiProperty() @IsInt() @Min(1)
  version!: number;
}

export class ReorderDemandsDto {
  @ApiProperty({ description: 'Every demand id of the campaign, in the new order' })
  @IsArray() @ArrayMaxSize(30) @ArrayUnique() @IsUUID('all', { each: true })
  ids!: string[];
}

export class CreateEndorsementDto {
  @ApiProperty() @IsUUID()
  campaignId!: string;

  @ApiPropertyOptional({ description: "Alliance roles only; a coordinator endorses for their own organization" })
  @IsOptional() @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ enum: ENDORSEMENT_ROLES }) @IsOptional() @IsIn(ENDORSEMENT_ROLES)
  role?: EndorsementRole;
}
